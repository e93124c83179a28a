/**
 * `if` (ngx_http_rewrite_module): every condition nginx has, captures, the directives allowed
 * inside an `if` in a location or a server, and which `if` block's configuration a request
 * ends up using when several hold (the last one: ngx_http_script_if_code switches
 * r->loc_conf each time a condition holds).
 */
import { canonicalLocation, conf, getOnce, UPGRADE_MAP, wsClient, type Scenario } from './common.ts'

/** One server on PORT (server_name localhost) with the given body. */
function server(body: string, listen = '127.0.0.1:{{PORT}}'): string {
  return `server {
    listen ${listen};
    server_name localhost;
    ${body.replace(/^\n+|\s+$/g, '').replace(/\n/g, '\n    ')}
}`
}

export const ifScenarios: Scenario[] = [
  {
    name: 'if-ws-426-without-upgrade',
    about:
      'the WebSocket location refuses requests that are not upgrades: `if ($http_upgrade != "websocket") { return 426; }` answers a plain GET and a differently cased "WebSocket" (the comparison is exact), and lets the handshake through to the upstream',
    config: conf(`${UPGRADE_MAP}
${server(`location /ws {
    if ($http_upgrade != "websocket") {
        return 426 "upgrade required\\n";
    }
    ${canonicalLocation('http://127.0.0.1:{{UP1}}')}
}`)}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      await getOnce(ctx, '/ws')
      await getOnce(ctx, '/ws', [['Upgrade', 'WebSocket'], ['Connection', 'Upgrade']])
      const c = await wsClient(ctx, '/ws')
      c.sendText('through')
      await c.frame()
    },
  },
  {
    name: 'if-variable-and-equals',
    about:
      '`if ($var)` holds unless the value is empty or "0"; `=` and `!=` compare exactly, with variables on the right; an empty string compares with `""`',
    config: conf(server(`location /truth {
    if ($arg_a) {
        return 200 "a is true: [$arg_a]\\n";
    }
    return 200 "a is false: [$arg_a]\\n";
}
location /eq {
    if ($arg_a = $arg_b) {
        return 200 "same\\n";
    }
    if ($arg_a = "") {
        return 200 "a empty\\n";
    }
    if ($arg_a != "x y") {
        return 200 "not x y\\n";
    }
    return 200 "x y\\n";
}`)),
    async steps(ctx) {
      for (const q of ['?a=1', '?a=0', '?a=', '', '?a=00', '?a=false']) await getOnce(ctx, `/truth${q}`)
      for (const q of ['?a=1&b=1', '?b=2', '?a=x%20y&b=z', '?a=x&b=y']) await getOnce(ctx, `/eq${q}`)
    },
  },
  {
    name: 'if-regex-captures',
    about:
      '`~` and `~*` set $1…; `!~` and `!~*` negate (a match still sets the captures); a regex without groups leaves the earlier captures; a later match with groups replaces all of them; named captures become variables',
    config: conf(server(`location ~ ^/re/(\\w+)/(\\w+) {
    if ($http_user_agent ~* "^curl/(\\d+)") {
        return 200 "curl major $1 [$2]\\n";
    }
    if ($http_user_agent ~ "^Mozilla") {
        return 200 "browser keeps $1 $2\\n";
    }
    if ($http_x_name ~ "^(?<first>\\w+) (?<last>\\w+)$") {
        return 200 "name $last, $first [$1/$2]\\n";
    }
    if ($http_x_token !~ "^[a-f0-9]{8}$") {
        return 403 "bad token [$1]\\n";
    }
    if ($http_x_token !~* "^(A)") {
        return 200 "token ok [$1]\\n";
    }
    return 200 "token starts with a [$1]\\n";
}`)),
    async steps(ctx) {
      await getOnce(ctx, '/re/one/two', [['User-Agent', 'CURL/8.1']])
      await getOnce(ctx, '/re/one/two', [['User-Agent', 'Mozilla/5.0']])
      await getOnce(ctx, '/re/one/two', [['User-Agent', 'x'], ['X-Name', 'Ada Lovelace']])
      await getOnce(ctx, '/re/one/two', [['User-Agent', 'x'], ['X-Token', 'nothex!']])
      await getOnce(ctx, '/re/one/two', [['User-Agent', 'x'], ['X-Token', '0123abcd']])
      await getOnce(ctx, '/re/one/two', [['User-Agent', 'x'], ['X-Token', 'abcd0123']])
    },
  },
  {
    name: 'if-file-tests',
    about: '`-f`, `!-f`, `-d`, `-e`, `-x` and `!-e` against real files under the prefix (a file, a folder, an executable script, nothing)',
    config: conf(server(`location /t {
    if (-f {{PREFIX}}/html$arg_p) {
        return 200 "file\\n";
    }
    if (-d {{PREFIX}}/html$arg_p) {
        return 200 "directory\\n";
    }
    if (!-e {{PREFIX}}/html$arg_p) {
        return 200 "nothing\\n";
    }
    return 200 "something else\\n";
}
location /x {
    if (-x {{PREFIX}}/html$arg_p) {
        return 200 "executable\\n";
    }
    if (!-f {{PREFIX}}/html$arg_p) {
        return 200 "not a file\\n";
    }
    return 200 "a plain file\\n";
}`)),
    files: { 'html/page.html': 'page\n', 'html/sub/inner.txt': 'inner\n' },
    async steps(ctx) {
      for (const p of ['/page.html', '/sub', '/sub/', '/missing', '/sub/inner.txt']) await getOnce(ctx, `/t?p=${p}`)
      for (const p of ['/sub', '/page.html', '/missing']) await getOnce(ctx, `/x?p=${p}`)
    },
  },
  {
    name: 'if-directives-in-location',
    about:
      'inside an `if` in a location: add_header replaces the location\'s list, proxy_pass sends to another upstream, set, rewrite … break, access_log off; an `if` without proxy_pass keeps the location\'s; directives written after the `if` apply to it too',
    config: conf(server(`location /p {
    add_header X-Outer outer;
    if ($arg_to = b) {
        proxy_pass http://127.0.0.1:{{UP2}};
    }
    if ($arg_tag) {
        add_header X-Tag "tag $arg_tag";
    }
    if ($arg_quiet) {
        access_log off;
    }
    if ($arg_set) {
        set $chosen "set-$arg_set";
        rewrite ^/p(.*)$ /rewritten$1 break;
    }
    proxy_set_header X-Chosen $chosen;
    proxy_pass http://127.0.0.1:{{UP1}};
}`)),
    upstreams: [{ name: 'UP1' }, { name: 'UP2' }],
    async steps(ctx) {
      for (const q of ['/p/a', '/p/a?to=b', '/p/a?tag=t1', '/p/a?to=b&tag=t2', '/p/a?quiet=1', '/p/a?set=s&tag=t3']) await getOnce(ctx, q)
    },
  },
  {
    name: 'if-several-hold',
    about:
      'several `if` blocks hold for one request: each runs its rewrite steps, and the configuration of the last one that held is the one used (only its add_header; "if is evil"); `break` inside an `if` stops the steps after it',
    config: conf(server(`location /s {
    if ($arg_a) {
        add_header X-A a;
        set $trail "${'$'}{trail}a";
    }
    if ($arg_b) {
        add_header X-B b;
        set $trail "${'$'}{trail}b";
    }
    if ($arg_stop) {
        break;
    }
    if ($arg_c) {
        add_header X-C c;
        set $trail "${'$'}{trail}c";
    }
    return 200 "trail [$trail]\\n";
}`)),
    async steps(ctx) {
      for (const q of ['?a=1&b=1', '?a=1&c=1', '?a=1&b=1&c=1', '?a=1&stop=1&c=1', '']) await getOnce(ctx, `/s${q}`)
    },
  },
  {
    name: 'if-in-server',
    about:
      '`if` in a server block runs before any location is chosen: return, set (seen by the location), rewrite … last to another location; the location chosen afterwards uses its own configuration',
    config: conf(server(`set $via "none";
if ($arg_deny) {
    return 403 "denied in server\\n";
}
if ($http_x_via) {
    set $via $http_x_via;
}
if ($arg_old) {
    rewrite ^ /new last;
}
location / {
    add_header X-Loc root;
    return 200 "root via [$via] uri [$uri]\\n";
}
location = /new {
    return 200 "new via [$via] args [$args]\\n";
}`)),
    async steps(ctx) {
      await getOnce(ctx, '/x?deny=1')
      await getOnce(ctx, '/x', [['X-Via', 'header']])
      await getOnce(ctx, '/x?old=1')
      await getOnce(ctx, '/x')
    },
  },
  {
    name: 'if-error-page-and-return-codes',
    about: 'error_page inside an `if` is used only when the `if` held; an `if` that returns 444 closes the connection without an answer',
    config: conf(server(`location /e {
    if ($arg_pretty) {
        error_page 404 = /pretty404;
    }
    if ($arg_drop) {
        return 444;
    }
    root html;
}
location = /pretty404 {
    return 200 "pretty 404 for [$request_uri]\\n";
}`)),
    async steps(ctx) {
      await getOnce(ctx, '/e/missing')
      await getOnce(ctx, '/e/missing?pretty=1')
      const c = await ctx.connect()
      c.request('GET', '/e/x?drop=1', { headers: [['Host', 'localhost']] })
      await c.closedWithin(2_000)
    },
  },
  {
    name: 'if-uninitialized-variable-warn',
    about:
      'a `set` variable read before any `set` ran is empty and logs "using uninitialized" once per request; uninitialized_variable_warn off in a location silences it there',
    config: conf(server(`location /warn {
    if ($arg_set) {
        set $late "set";
    }
    return 200 "[$late] [$late]\n";
}
location /quiet {
    uninitialized_variable_warn off;
    return 200 "[$late]\n";
}`)),
    async steps(ctx) {
      for (const path of ['/warn', '/warn?set=1', '/quiet']) await getOnce(ctx, path)
    },
  },
]
