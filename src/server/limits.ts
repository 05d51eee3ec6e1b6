/** Request size limits, shared by the server set-up and the messages that name them. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
