/**
 * Lua scripts that keep a row's status, the per-status sets and the counters in step: Redis runs
 * each script atomically, so a replayed or stalled job cannot count a row twice.
 *
 * KEYS (see `scriptKeys`): 1 meta, 2 rows, 3.. one ZSET per status in STORE_STATUSES order.
 */

export const STATUS_INDEX = `
local STATUSES = {'pending', 'created', 'exists', 'invalid', 'failed', 'skipped', 'ready', 'ordered'}
local function statusKey(status)
  for i, name in ipairs(STATUSES) do
    if name == status then return KEYS[2 + i] end
  end
  return redis.error_reply('unknown status ' .. tostring(status))
end
local function listHas(list, value)
  if list == '' then return true end
  for item in string.gmatch(list, '[^,]+') do
    if item == value then return true end
  end
  return false
end
`;

/**
 * Applies a JSON patch to one row if its status, step and generation match, moving it between
 * status sets and counters when its status changes, and settling the import's state.
 * ARGV: row, patch JSON, allowed statuses (comma list or ''), allowed steps (comma list or ''),
 * expected generation ('' for any), id of this transition ('' for none).
 * Returns {applied (0/1/-1 missing), statusChanged (0/1), pendingLeft}.
 *
 * The row keeps the id of the last transition applied to it (`op`). When the row already holds
 * this call's id, the call is the same command sent again: ioredis resends a command whose answer
 * was lost when the connection dropped (Redis restarted after running it). It answers as the
 * first run did (applied; statusChanged when the patch set the status, whose events the caller
 * never published) and changes nothing; judged against the row as it is now, a step claim would
 * find its own step and be refused, and the job would end with the row pending.
 */
export const TRANSITION_ROW = `${STATUS_INDEX}
local raw = redis.call('HGET', KEYS[2], ARGV[1])
if not raw then return {-1, 0, 0} end
local state = cjson.decode(raw)
if ARGV[6] ~= '' and state.op == ARGV[6] then
  local patch = cjson.decode(ARGV[2])
  local changed = 0
  if patch.status ~= nil and patch.status ~= cjson.null then changed = 1 end
  return {1, changed, tonumber(redis.call('HGET', KEYS[1], 'n:pending') or '0')}
end
if not listHas(ARGV[3], state.status) then return {0, 0, 0} end
if not listHas(ARGV[4], state.step) then return {0, 0, 0} end
if ARGV[5] ~= '' and tostring(state.gen) ~= ARGV[5] then return {0, 0, 0} end
local old = state.status
for field, value in pairs(cjson.decode(ARGV[2])) do
  if value == cjson.null then state[field] = nil else state[field] = value end
end
if ARGV[6] ~= '' then state.op = ARGV[6] end
redis.call('HSET', KEYS[2], ARGV[1], cjson.encode(state))
local importState = redis.call('HGET', KEYS[1], 'state')
local changed = 0
if state.status ~= old then
  changed = 1
  redis.call('ZREM', statusKey(old), ARGV[1])
  redis.call('ZADD', statusKey(state.status), tonumber(ARGV[1]), ARGV[1])
  redis.call('HINCRBY', KEYS[1], 'n:' .. old, -1)
  redis.call('HINCRBY', KEYS[1], 'n:' .. state.status, 1)
end
local pending = tonumber(redis.call('HGET', KEYS[1], 'n:pending') or '0')
if pending == 0 and (importState == 'queued' or importState == 'running') then
  redis.call('HSET', KEYS[1], 'state', 'done')
elseif state.status == 'pending' and old ~= 'pending' and (importState == 'done' or importState == 'cancelled') then
  redis.call('HSET', KEYS[1], 'state', 'queued')
  redis.call('HDEL', KEYS[1], 'cancelled')
elseif state.status == 'pending' and importState == 'queued' and state.step ~= 'queued' then
  redis.call('HSET', KEYS[1], 'state', 'running')
end
return {1, changed, pending}
`;

/**
 * The bulk form for cancel and retry: applies one patch to many rows, each only if its status
 * and step match, moving counters in one step. With ARGV[4] = '1' each applied row's `gen` is
 * incremented. ARGV: rows (comma list), patch JSON, allowed statuses, allowed steps, bumpGen.
 * Returns a flat list {row, gen, row, gen, …} of the rows changed, and settles the import state.
 */
export const TRANSITION_ROWS = `${STATUS_INDEX}
local patch = cjson.decode(ARGV[2])
local changed = {}
local moved = {}
for row in string.gmatch(ARGV[1], '[^,]+') do
  local raw = redis.call('HGET', KEYS[2], row)
  if raw then
    local state = cjson.decode(raw)
    if listHas(ARGV[3], state.status) and listHas(ARGV[4], state.step) then
      local old = state.status
      for field, value in pairs(patch) do
        if value == cjson.null then state[field] = nil else state[field] = value end
      end
      if ARGV[5] == '1' then state.gen = (tonumber(state.gen) or 0) + 1 end
      redis.call('HSET', KEYS[2], row, cjson.encode(state))
      if state.status ~= old then
        redis.call('ZREM', statusKey(old), row)
        redis.call('ZADD', statusKey(state.status), tonumber(row), row)
        moved[old] = (moved[old] or 0) - 1
        moved[state.status] = (moved[state.status] or 0) + 1
      end
      table.insert(changed, tonumber(row))
      table.insert(changed, tonumber(state.gen))
    end
  end
end
for status, delta in pairs(moved) do
  if delta ~= 0 then redis.call('HINCRBY', KEYS[1], 'n:' .. status, delta) end
end
local importState = redis.call('HGET', KEYS[1], 'state')
local pending = tonumber(redis.call('HGET', KEYS[1], 'n:pending') or '0')
if pending == 0 and (importState == 'queued' or importState == 'running') then
  redis.call('HSET', KEYS[1], 'state', 'done')
elseif pending > 0 and (importState == 'done' or importState == 'cancelled') and patch.status == 'pending' then
  redis.call('HSET', KEYS[1], 'state', 'queued')
  redis.call('HDEL', KEYS[1], 'cancelled')
end
return changed
`;

/**
 * Ends the validating phase: records the totals and sets the state to `queued`, or `done` when
 * no row is pending (or keeps `cancelled`). ARGV: total, blankLines.
 */
export const SEAL_IMPORT = `
redis.call('HSET', KEYS[1], 'total', ARGV[1], 'blankLines', ARGV[2])
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'cancelled' then return state end
local pending = tonumber(redis.call('HGET', KEYS[1], 'n:pending') or '0')
if pending == 0 then state = 'done' else state = 'queued' end
redis.call('HSET', KEYS[1], 'state', state)
return state
`;

/**
 * Starts an import's retention once it is settled (no row pending, state `done` or
 * `cancelled`): every key in KEYS (meta first) gets the TTL ARGV[1] in milliseconds. Checked and
 * set in one step, so a retry that re-opens the import in between is never cut short.
 * Returns 1 when the TTL was set.
 */
export const EXPIRE_IF_SETTLED = `
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 0 end
local pending = tonumber(redis.call('HGET', KEYS[1], 'n:pending') or '0')
if pending ~= 0 or (state ~= 'done' and state ~= 'cancelled') then return 0 end
for _, key in ipairs(KEYS) do redis.call('PEXPIRE', key, ARGV[1]) end
return 1
`;

/**
 * Logs events in the import's stream (KEYS[1], trimmed to about ARGV[2] entries) and publishes
 * each on the channel ARGV[1] as `{"id":…,"event":…}`, in one step so the log and the live
 * events agree on order. ARGV[3..]: the events as JSON. Returns their stream ids.
 */
export const PUBLISH_EVENTS = `
local ids = {}
for i = 3, #ARGV do
  local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'e', ARGV[i])
  redis.call('PUBLISH', ARGV[1], '{"id":"' .. id .. '","event":' .. ARGV[i] .. '}')
  ids[#ids + 1] = id
end
return ids
`;
