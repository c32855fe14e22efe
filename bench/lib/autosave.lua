-- wrk script for bench/autosave.sh: every request saves one note for one of the signed-in
-- members (cookies from PEOPLE_FILE, statement codes from CODES_FILE), cycling through both.
local people, codes, n = {}, {}, 0

function init(args)
  for line in io.lines(args[1]) do
    local cookie = line:match("%S+%s+(%S+)")
    if cookie then people[#people + 1] = cookie end
  end
  for line in io.lines(args[2]) do
    if #line > 0 then codes[#codes + 1] = line end
  end
  n = math.random(1, 100000)
end

function request()
  n = n + 1
  local cookie = people[(n % #people) + 1]
  local code = codes[(n % #codes) + 1]
  local body = "field=notitie." .. code .. "&value=wrk+" .. n
  return wrk.format("POST", nil, {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Sec-Fetch-Site"] = "same-origin",
  }, body)
end
