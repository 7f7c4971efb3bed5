// The contract fonts by the names Word and WPS know: 宋体 (SimSun) for the body, 黑体 (SimHei)
// for the title and headings.
export const BODY_FONT = 'SimSun';
export const HEADING_FONT = 'SimHei';
