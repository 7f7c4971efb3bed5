/** An error that becomes a 4xx answer with a clear message (zh-CN, English beside it). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly messageEn: string = message,
  ) {
    super(message);
  }
}

export const forbiddenOffice = () => new HttpError(403, 'OFFICE_FORBIDDEN', '无权访问该营业厅的数据', 'You do not belong to this office');
export const forbiddenRole = () => new HttpError(403, 'ROLE_FORBIDDEN', '您的角色无权执行此操作', 'Your role does not allow this');
export const unauthorized = (en = 'Not signed in or the session expired') => new HttpError(401, 'UNAUTHORIZED', '未登录或登录已过期', en);
