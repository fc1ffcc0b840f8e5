/**
 * CarCutter's documented error envelope, `{code, message}`, and the one way handlers produce it:
 * throw an ApiError, and the app's error handler answers with the envelope.
 */

export interface CarCutterErrorBody {
  code: number;
  message: string;
}

export function errorBody(status: number, message: string): CarCutterErrorBody {
  return { code: status, message };
}

export class ApiError extends Error {
  readonly status: 400 | 401 | 402 | 403 | 404 | 405 | 410 | 413;

  constructor(status: ApiError["status"], message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

export const UNAUTHORIZED_MESSAGE = "submitted 'Bearer' token is unauthorized";
export const CREDITS_EXCEEDED_MESSAGE = "Credits exceeded. Please contact sales.";
export const NO_SUCH_IMAGE_MESSAGE = "no such image";
export const RESULT_NOT_READY_MESSAGE = "result not available yet";
export const EXPIRED_MESSAGE = "file does not exist anymore.";
export const NO_SUCH_VEHICLE_MESSAGE = "no such vehicle";
export const NO_SUCH_FEATURE_MESSAGE = "no such feature";

export const badRequest = (message: string) => new ApiError(400, message);
