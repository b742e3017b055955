import { STATUS_INDEX } from './lua-scripts.ts';

/**
 * Cancels a chunk of an import's pending rows in one step: each pending row (in row order after
 * ARGV[1], at most ARGV[2]) at a step that may still be cancelled becomes `skipped` with the
 * fields ARGV[4], moves from the pending set to the skipped one, and the counters move once for
 * the chunk. Rows in the window fed to the queue (at or before ARGV[3]) are returned with their
 * generation, so their jobs can be removed; the others never had one.
 *
 * The state JSON is patched as text, not decoded and encoded again: a cancel touches every
 * pending row of a big file, and the JSON round trip was most of its time. Both encoders that
 * write row states (JSON.stringify, cjson) write `"key":value` without spaces, and a quote inside
 * a string value is escaped, so `"status":"pending"` can only be the status field itself.
 *
 * KEYS: see `scriptKeys`. ARGV: after row, limit, window end, the fields to add as JSON members
 * (`,"errorCode":"cancelled",…`, none of them `status`), cancellable steps (comma list).
 * Returns {last row looked at (0: none left), rows skipped, row, gen, row, gen, …}.
 */
export const CANCEL_PENDING_ROWS = `${STATUS_INDEX}
local rows = redis.call('ZRANGEBYSCORE', KEYS[3], '(' .. ARGV[1], '+inf', 'LIMIT', 0, tonumber(ARGV[2]))
if #rows == 0 then return {0, 0} end
local fields = ARGV[4]
local windowEnd = tonumber(ARGV[3])
local steps = {}
for step in string.gmatch(ARGV[5], '[^,]+') do steps[#steps + 1] = '"step":"' .. step .. '"' end
local function cancellable(raw)
  if not string.find(raw, '"status":"pending"', 1, true) then return false end
  for _, needle in ipairs(steps) do
    if string.find(raw, needle, 1, true) then return true end
  end
  return false
end
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
local raws = {}
for i = 1, #rows, 500 do
  local slice = redis.call('HMGET', KEYS[2], unpack(rows, i, math.min(i + 499, #rows)))
  for j = 1, #slice do raws[i + j - 1] = slice[j] end
end
for index, row in ipairs(rows) do
  local raw = raws[index]
  if raw and cancellable(raw) then
    local patched = string.gsub(raw, '"status":"pending"', '"status":"skipped"', 1)
    states[#states + 1] = row
    states[#states + 1] = string.sub(patched, 1, -2) .. fields .. '}'
    scored[#scored + 1] = row
    scored[#scored + 1] = row
    members[#members + 1] = row
    skipped = skipped + 1
    if tonumber(row) <= windowEnd then
      out[#out + 1] = tonumber(row)
      out[#out + 1] = tonumber(string.match(raw, '"gen":(%d+)'))
    end
    if #members >= 200 then flush() end
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
