/** The one way the server reaches WeChat (real or fake, by base URL). */
import fp from 'fastify-plugin'
import type { WechatClient } from '../../wechat/client'

declare module 'fastify' {
  interface FastifyInstance {
    wechat: WechatClient
    /** Set only when a fake WeChat server runs (demo, tests): the H5 dev bridge uses it. */
    fakeWechatUrl: string | undefined
  }
}

export default fp<{ client: WechatClient; fakeUrl?: string }>(
  async (app, opts) => {
    app.decorate('wechat', opts.client)
    app.decorate('fakeWechatUrl', opts.fakeUrl)
  },
  { name: 'wechat' },
)
