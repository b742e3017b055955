/**
 * Re-opens a cancelled import before its rows run again (resume): the cancel flag goes, and an
 * import that still has pending rows is `queued` again; one with none stays as it is until rows
 * are moved back to pending (TRANSITION_ROWS then re-opens it). KEYS[1]: meta.
 * Returns the state the import is in afterwards.
 */
export const REOPEN_IMPORT = `
redis.call('HDEL', KEYS[1], 'cancelled')
local state = redis.call('HGET', KEYS[1], 'state')
local pending = tonumber(redis.call('HGET', KEYS[1], 'n:pending') or '0')
if state == 'cancelled' and pending > 0 then
  state = 'queued'
  redis.call('HSET', KEYS[1], 'state', state)
end
return state
`;
