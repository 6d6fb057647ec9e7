/**
 * The official child ledger template — "XX年农村留守儿童和困境儿童个人信息台账", the annex of the
 * Guangxi plan 桂民发〔2024〕1号 (seeds/001) — as data, in ONE place: the XLSX sheet per child, the
 * XLSX table (one row per child), the PDF and the tests all read their labels from here.
 *
 * The paper form is a grid: a section column on the left (儿童基本信息, 家庭信息, 牵手“童”行结对信息,
 * 走访情况, …), then up to three label/value pairs per row. Fields with printed options (□ 男 □ 女)
 * keep those options here, in the template's words, so the export can tick the one that applies.
 *
 * Wording notes: the seed's text extraction cut one label short ("留守儿童委托监护人情"); the form
 * reads 留守儿童委托监护人情况, which is what we print. The extraction also split the section label
 * "牵手“童” 行结对信息" with a space; the form has none.
 */

export const LEDGER_TITLE_TEMPLATE = 'XX年农村留守儿童和困境儿童个人信息台账'
/** The title with the year filled in, as the county prints it. */
export const ledgerTitle = (year: number) => LEDGER_TITLE_TEMPLATE.replace('XX', String(year))

/** The template's own footnote (说明 2), word for word: printed on every sheet and every page. */
export const LEDGER_FOOTNOTE = '本表涉及个人信息，要妥善管理，严禁泄露。'

/** Tick marks. ☑/☐ are missing from the CJK fonts a server has; ■/□ are in every one of them. */
export const CHECKED = '■'
export const UNCHECKED = '□'

export const LEDGER_FIELD_KEYS = [
  'name', 'gender', 'ethnicity',
  'birthDate', 'idNumber', 'address',
  'hukouType', 'category', 'singleParent',
  'school', 'boarding', 'guardianship',
  'health', 'psychBehaviour', 'assistance',
  'educationAid', 'medicalAid', 'otherAid',
  'guardians', 'guardianHealth', 'occupation',
  'incomePerCapita', 'familySubsidies', 'socialSupport',
  'entrustedCarer', 'entrustedReason', 'entrustedCareQuality',
  'pairingPerson', 'pairingUnit', 'director',
  'q1Date', 'q1Problems', 'q1Measures',
  'q2Date', 'q2Problems', 'q2Measures',
  'q3Date', 'q3Problems', 'q3Measures',
  'q4Date', 'q4Problems', 'q4Measures',
  'careGiven', 'otherNotes', 'filedBy', 'filedAt',
] as const
export type LedgerFieldKey = (typeof LEDGER_FIELD_KEYS)[number]

export interface LedgerField {
  key: LedgerFieldKey
  /** The label printed on the form. */
  label: string
  /** Column header of the one-row-per-child table, where the form's label alone is ambiguous. */
  tableLabel?: string
  /** The options the form prints with a box in front of each. */
  options?: readonly string[]
}

export interface LedgerBlock {
  /** The left-hand section column; for the last three rows of the form it is the row's own label. */
  section: string
  /** Rows of label/value pairs (one to three per row). */
  rows?: readonly (readonly LedgerField[])[]
  /** A single value spanning the whole row (关爱帮扶情况, 其他说明情况). */
  wide?: LedgerFieldKey
  /** The signature row: the section label is the label of its first value (建档人签名). */
  signature?: { value: LedgerFieldKey; then: LedgerField }
}

const f = (key: LedgerFieldKey, label: string, extra: Omit<LedgerField, 'key' | 'label'> = {}): LedgerField => ({ key, label, ...extra })

const quarter = (n: 1 | 2 | 3 | 4, word: string): LedgerField[] => [
  f(`q${n}Date`, `${word}季度走访时间`),
  f(`q${n}Problems`, '发现的问题', { tableLabel: `${word}季度发现的问题` }),
  f(`q${n}Measures`, '解决措施', { tableLabel: `${word}季度解决措施` }),
]

export const LEDGER_LAYOUT: readonly LedgerBlock[] = [
  {
    section: '儿童基本信息',
    rows: [
      [f('name', '姓名'), f('gender', '性别', { options: ['男', '女'] }), f('ethnicity', '民族')],
      [f('birthDate', '出生年月'), f('idNumber', '身份证号'), f('address', '家庭地址')],
      [
        f('hukouType', '户籍类别', { options: ['农村户籍', '城市户籍'] }),
        f('category', '儿童类别', { options: ['农村留守儿童', '困境儿童，具体类别：'] }),
        f('singleParent', '是否单亲家庭', { options: ['是，单亲母亲/父亲家庭', '否'] }),
      ],
      [f('school', '就学情况'), f('boarding', '寄宿情况', { options: ['寄宿生', '非寄宿生'] }), f('guardianship', '监护情况')],
      [
        f('health', '健康状况', { options: ['健康', '一般或较弱', '重病，患病情况', '慢性病，患病情况', '残疾，等级', '其他'] }),
        f('psychBehaviour', '日常心理和行为情况'),
        f('assistance', '享受救助情况', { options: ['孤儿', '事实无人抚养儿童', '低保 元/月', '特困 元/月', '残疾 元/月', '临时 元/月', '其他 元/月', '无'] }),
      ],
      [f('educationAid', '教育救助情况'), f('medicalAid', '医疗救助情况'), f('otherAid', '其他救助情况')],
    ],
  },
  {
    section: '家庭信息',
    rows: [
      [
        f('guardians', '监护人姓名及电话', { options: ['父亲：', '母亲：'] }),
        f('guardianHealth', '监护人健康状况', { options: ['健康', '不健康，患病情况'] }),
        f('occupation', '职业'),
      ],
      [
        f('incomePerCapita', '家庭收入人均（元/年）'),
        f('familySubsidies', '家庭享受补助情况', { options: ['低保 元/月', '特困 元/月', '残疾 元/月', '其他 元/月'] }),
        f('socialSupport', '社会力量帮扶情况'),
      ],
      [
        f('entrustedCarer', '留守儿童委托监护人情况', { options: ['祖父母、外祖父母', '亲戚朋友', '无委托人照护'] }),
        f('entrustedReason', '委托照料原因情况', { options: ['父母双方同时外出', '父母一方外出，另一方无监护能力', '父母双方无监护能力'] }),
        f('entrustedCareQuality', '委托照料情况', { options: ['较好', '一般', '差'] }),
      ],
    ],
  },
  {
    section: '牵手“童”行结对信息',
    rows: [[f('pairingPerson', '结对人员姓名及电话'), f('pairingUnit', '结对人员所在单位'), f('director', '儿童主任姓名及电话')]],
  },
  { section: '走访情况', rows: [quarter(1, '一'), quarter(2, '二'), quarter(3, '三'), quarter(4, '四')] },
  { section: '关爱帮扶情况', wide: 'careGiven' },
  { section: '其他说明情况', wide: 'otherNotes' },
  { section: '建档人签名', signature: { value: 'filedBy', then: f('filedAt', '建档时间') } },
]

/** Every field with its form label, in the form's reading order (the table's columns). */
export const LEDGER_FIELDS: readonly LedgerField[] = LEDGER_LAYOUT.flatMap((b) => [
  ...(b.rows ?? []).flat(),
  ...(b.wide ? [f(b.wide, b.section)] : []),
  ...(b.signature ? [f(b.signature.value, b.section), b.signature.then] : []),
])

/** Every label printed on the form: section labels and field labels (no duplicates). */
export const LEDGER_LABELS: readonly string[] = [...new Set(LEDGER_LAYOUT.flatMap((b) => [b.section, ...(b.rows ?? []).flat().map((x) => x.label), ...(b.signature ? [b.signature.then.label] : [])]))]

/** The section each field belongs to: the table's header row groups columns by it. */
export const LEDGER_SECTION_OF: Readonly<Record<LedgerFieldKey, string>> = Object.fromEntries(
  LEDGER_LAYOUT.flatMap((b) => [
    ...(b.rows ?? []).flat().map((x) => [x.key, b.section] as const),
    ...(b.wide ? [[b.wide, b.section] as const] : []),
    ...(b.signature ? [[b.signature.value, b.section] as const, [b.signature.then.key, b.section] as const] : []),
  ]),
) as Record<LedgerFieldKey, string>
