/**
 * Typed errors the repositories throw. Messages are zh-CN sentences naming the field or action,
 * so the UI can show them as they are; the structured parts let a form put each message beside
 * its field.
 */

/** The current user's role may not do this. Enforced in the repositories, not only hidden in the UI. */
export class PermissionError extends Error {
  constructor(
    readonly action: string,
    readonly role: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'PermissionError';
  }
}

/** Input that may not be saved; nothing of it was written. `fields` maps a field name to its message. */
export class ValidationError extends Error {
  constructor(
    readonly fields: Record<string, string>,
    /** True when the only USCC problem is its check character, which a manager may override. */
    readonly usccChecksumOverridable = false,
  ) {
    super(Object.values(fields).join('；'));
    this.name = 'ValidationError';
  }
}

/** The record asked for does not exist (or was deleted). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
