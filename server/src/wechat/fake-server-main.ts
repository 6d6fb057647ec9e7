/**
 * Run the fake WeChat server by hand: `npx tsx server/src/wechat/fake-server-main.ts`.
 * Port from FAKE_WECHAT_PORT (default 3100); appid/secret from WECHAT_APPID / WECHAT_SECRET so the
 * API server started with the same environment is accepted. The secret is never printed.
 */
import { startFakeWechat } from './fake-server'

const port = Number(process.env.FAKE_WECHAT_PORT ?? 3100)
const appid = process.env.WECHAT_APPID ?? 'wxfake000000000001'
const secret = process.env.WECHAT_SECRET ?? 'fake-wechat-secret-for-dev-only'

const fake = await startFakeWechat({ appid, secret, port, host: process.env.FAKE_WECHAT_HOST ?? '127.0.0.1' })
console.log(`fake WeChat listening on ${fake.url} (appid ${appid})`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void fake.close().then(() => process.exit(0))
  })
}
