import { describe, expect, it } from 'vitest';
import { finalCloseError } from './finalCloseError.js';

describe('finalCloseError', () => {
  it('maps final close codes to typed errors, keeping the code', () => {
    expect(finalCloseError(4403, 'removed').code).toBe('NOT_A_MEMBER');
    expect(finalCloseError(4401, 'bad').code).toBe('AUTH_FAILED');
    expect(finalCloseError(4400, 'x').details.closeCode).toBe(4400);
    expect(finalCloseError(4400, 'x').code).toBe('CONNECTION_CLOSED');
  });
});
