import { z } from 'zod'

// Validation messages reach people (field errors in forms): use zod's Simplified Chinese locale.
z.config(z.locales.zhCN())
