import helmet from '@fastify/helmet'
import fp from 'fastify-plugin'

/**
 * Security headers. The CSP allows inline styles (Taro H5 and Swagger UI set style attributes)
 * but no inline or foreign scripts; images may be data: URLs (NutUI icons).
 */
export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      // The H5 app is served over plain http on localhost in the demo.
      hsts: false,
    })
  },
  { name: 'helmet' },
)
