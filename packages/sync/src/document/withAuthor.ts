import { TrameError } from '@trame/protocol';

/** The same error with the frame's author (hex) in `details.author`, so the UI can name them. */
export function withAuthor(e: TrameError, author: string): TrameError {
  if (e.details.author) return e;
  return new TrameError(e.code, e.message, { ...e.details, author });
}
