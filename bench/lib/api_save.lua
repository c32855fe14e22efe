-- wrk script for bench/api.sh: every request saves one answer of one's own scan, either
-- through the API (MODE=api: PATCH with JSON and a bearer token) or through the save address
-- the scan page's script uses (MODE=page: POST field/value with the session cookie). The
-- note changes with every request, so each is a real write. Arguments: MODE, CREDENTIAL.
local mode, credential, n = "api", "", 0

function init(args)
  mode = args[1]
  credential = args[2]
  n = math.random(1, 1000000)
end

function request()
  n = n + 1
  if mode == "api" then
    local body = '{"answers": [{"statement": "BEG.VIS.T1", "note": "wrk ' .. n .. '"}]}'
    return wrk.format("PATCH", nil, {
      ["Authorization"] = "Bearer " .. credential,
      ["Content-Type"] = "application/json",
    }, body)
  end
  local body = "field=notitie.BEG.VIS.T1&value=wrk+" .. n
  return wrk.format("POST", nil, {
    ["Cookie"] = credential,
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Sec-Fetch-Site"] = "same-origin",
  }, body)
end
