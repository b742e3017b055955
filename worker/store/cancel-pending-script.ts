import { STATUS_INDEX } from './lua-scripts.ts';

/**
 * Cancels a chunk of an import's pending rows in one step: each pending row (in row order after
 * ARGV[1], at most ARGV[2]) at a step that may still be cancelled gets the patch, moves from the
 * pending set to the skipped one, and the counters move once for the chunk. Rows in the window
 * fed to the queue (at or before ARGV[3]) are returned with their generation, so their jobs can
 * be removed; the others never had one.
 *
 * KEYS: see `scriptKeys`. ARGV: after row, limit, window end, patch JSON, cancellable steps.
 * Returns {last row looked at (0: none left), rows skipped, row, gen, row, gen, …}.
 */
export const CANCEL_PENDING_ROWS = `${STATUS_INDEX}
local rows = redis.call('ZRANGEBYSCORE', KEYS[3], '(' .. ARGV[1], '+inf', 'LIMIT', 0, tonumber(ARGV[2]))
if #rows == 0 then return {0, 0} end
local patch = cjson.decode(ARGV[4])
local windowEnd = tonumber(ARGV[3])
local out = {tonumber(rows[#rows]), 0}
local states, scored, members = {}, {}, {}
-- Redis commands take their arguments in slices: unpack() of a whole chunk would overflow Lua's stack.
local function flush()
  if #members == 0 then return end
  redis.call('HSET', KEYS[2], unpack(states))
  redis.call('ZADD', statusKey('skipped'), unpack(scored))
  redis.call('ZREM', KEYS[3], unpack(members))
  states, scored, members = {}, {}, {}
end
local skipped = 0
for _, row in ipairs(rows) do
  local raw = redis.call('HGET', KEYS[2], row)
  if raw then
    local state = cjson.decode(raw)
    if state.status == 'pending' and listHas(ARGV[5], state.step) then
      for field, value in pairs(patch) do state[field] = value end
      states[#states + 1] = row
      states[#states + 1] = cjson.encode(state)
      scored[#scored + 1] = row
      scored[#scored + 1] = row
      members[#members + 1] = row
      skipped = skipped + 1
      if tonumber(row) <= windowEnd then
        out[#out + 1] = tonumber(row)
        out[#out + 1] = tonumber(state.gen)
      end
      if #members >= 200 then flush() end
    end
  end
end
flush()
if skipped > 0 then
  redis.call('HINCRBY', KEYS[1], 'n:pending', -skipped)
  redis.call('HINCRBY', KEYS[1], 'n:skipped', skipped)
end
out[2] = skipped
return out
`;
