import { z } from 'zod'

// WeChat's JS engine forbids `new Function`; zod 4 would otherwise probe for it and compile fast
// object parsers with it. Object schemas decide this when they are built, so app.ts imports this
// module first, before @qstx/shared creates its schemas.
z.config({ jitless: true })
