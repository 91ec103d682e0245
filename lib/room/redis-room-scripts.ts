/**
 * The Lua scripts behind redis-room-store.ts. Redis runs a script atomically, which is what makes
 * a room's event ids strictly increasing and its log complete across app instances: the guard, the
 * change, the next id, the log entry and the PUBLISH happen as one step, so no instance can publish
 * id n+1 before id n is in the log.
 *
 * Keys of a room (all with the same expiry, refreshed on every change):
 * `room:{code}` (hash: the room's fields, `lastId`, `logBytes`), `room:{code}:members` (member id →
 * JSON), `room:{code}:tokens` (token digest → member id), `room:{code}:log` (sorted set: id → SSE frame).
 * @module
 */

/** KEYS: state, members, tokens, log. ARGV: code, createdAt, presenterTokenHash, ttlMs. → 1 or 0 (taken). */
export const CREATE_ROOM_LUA = String.raw`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'code', ARGV[1], 'createdAt', ARGV[2], 'lastActiveAt', ARGV[2],
  'presenterTokenHash', ARGV[3], 'freeText', '0', 'escrowPublicKey', '', 'presenterStep', '',
  'closed', '', 'memberCount', '0', 'lastId', '0', 'logBytes', '0')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;

/**
 * KEYS: state, members, tokens, log. ARGV: kind, eventJson, now, activeSince, logMaxEvents,
 * logMaxBytes, ttlOpenMs, ttlClosedMs, channel, then by kind:
 * add-member: memberId, memberJson, tokenHash, cap; remove-member: memberId;
 * settings / presenter-step / close: field, value pairs for the state hash.
 * → {1, id} or {0, reason}.
 */
export const APPLY_LUA = String.raw`
local state, members, tokens, log = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local kind, eventJson, now, activeSince = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local fields = redis.call('HMGET', state, 'closed', 'lastActiveAt')
if not fields[2] then return {0, 'not-found'} end
if fields[1] ~= '' then return {0, 'closed'} end
if kind ~= 'close' and tonumber(fields[2]) < activeSince then return {0, 'expired'} end
if kind == 'add-member' then
  if redis.call('HLEN', members) >= tonumber(ARGV[13]) then return {0, 'full'} end
  redis.call('HSET', members, ARGV[10], ARGV[11])
  redis.call('HSET', tokens, ARGV[12], ARGV[10])
elseif kind == 'remove-member' then
  local member = redis.call('HGET', members, ARGV[10])
  if not member then return {0, 'no-member'} end
  redis.call('HDEL', members, ARGV[10])
  redis.call('HDEL', tokens, cjson.decode(member).tokenHash)
elseif kind ~= 'none' then
  for i = 10, #ARGV, 2 do redis.call('HSET', state, ARGV[i], ARGV[i + 1]) end
end
local id = redis.call('HINCRBY', state, 'lastId', 1)
local frame = 'id: ' .. id .. '\nevent: room\ndata: ' .. eventJson .. '\n\n'
redis.call('ZADD', log, id, frame)
local bytes = redis.call('HINCRBY', state, 'logBytes', #frame)
while redis.call('ZCARD', log) > tonumber(ARGV[5]) or bytes > tonumber(ARGV[6]) do
  local oldest = redis.call('ZPOPMIN', log)
  bytes = redis.call('HINCRBY', state, 'logBytes', -#oldest[1])
end
redis.call('HSET', state, 'lastActiveAt', now, 'memberCount', redis.call('HLEN', members))
local ttl = ARGV[7]
if kind == 'close' then ttl = ARGV[8] end
for _, key in ipairs(KEYS) do redis.call('PEXPIRE', key, ttl) end
redis.call('PUBLISH', ARGV[9], frame)
return {1, id}
`;

/** KEYS: counter. ARGV: windowMs. → the count in the current fixed window. */
export const RATE_TAKE_LUA = String.raw`
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}
`;

/** KEYS: counter. ARGV: limit. → seconds to wait (0 when another attempt is allowed now). */
export const RATE_PEEK_LUA = String.raw`
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n < tonumber(ARGV[1]) then return 0 end
return math.max(1, math.ceil(redis.call('PTTL', KEYS[1]) / 1000))
`;
