/**
 * Error codes of text extraction (declared in shared/errors.ts, translated as `error.extract.*`):
 *   extract.damaged      the file is not what it claims or is broken (params.detail says where)
 *   extract.too_large    the file, or what it inflates to, is over the limit (params.limitMb)
 *   extract.entity_bomb  an XML part has a DOCTYPE: entity expansion and external entities are refused
 *   extract.encrypted    password-protected Office document, encrypted zip entry or PDF (params.format)
 */
import { AppError, ERROR_CODES, type ErrorCode, type ErrorParams } from '../../../shared/errors.js';

export type ExtractErrorCode = Extract<ErrorCode, `extract.${string}`>;
export const EXTRACT_ERROR_CODES = ERROR_CODES.filter((c): c is ExtractErrorCode => c.startsWith('extract.'));

export function extractError(code: ExtractErrorCode, params: ErrorParams = {}): AppError {
  return new AppError(code, params);
}

/** A damaged file, with a short reason for the log and the UI's details. */
export function damaged(detail: string): AppError {
  return extractError('extract.damaged', { detail: detail.slice(0, 200) });
}

export function tooLarge(limitBytes: number): AppError {
  return extractError('extract.too_large', { limitMb: Math.round((limitBytes / (1024 * 1024)) * 10) / 10 });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
