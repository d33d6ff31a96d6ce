import type { RelationshipFieldServerComponent } from 'payload'

import type { User } from '@/payload-types'

import { authorNames } from '@/payload/admin/authors'

const words = {
  en: {
    label: 'Last changed by',
    nobody: 'Not recorded (saved before authors were kept, or by the seed).',
    unsaved: 'Not saved yet.',
  },
  zh: {
    label: '最后修改人',
    nobody: '未记录（在记录修改人之前保存，或由初始数据写入）。',
    unsaved: '尚未保存。',
  },
}

// The relationship picker would show a colleague's account as "Untitled - ID", since editors may
// not read other accounts: the name is looked up here instead, for staff (src/payload/admin/attention.ts).
export const UpdatedBy: RelationshipFieldServerComponent = async ({
  value,
  payload,
  req,
  i18n,
  id: documentId,
}) => {
  const text = i18n.language === 'zh' ? words.zh : words.en
  // A document being created has no author yet, rather than an unrecorded one.
  const fallback = documentId ? text.nobody : text.unsaved
  const id = value && typeof value === 'object' ? String((value as { id: unknown }).id) : value
  const names = await authorNames({
    payload,
    user: req.user as null | User,
    ids: [typeof id === 'string' ? id : null],
  })
  const name = typeof id === 'string' ? (names.get(id) ?? id) : null
  return (
    <div className="field-type updated-by" style={{ marginBottom: 'var(--base)' }}>
      <span className="field-label">{text.label}</span>
      <div style={name ? undefined : { color: 'var(--theme-elevation-500)' }}>
        {name ?? fallback}
      </div>
    </div>
  )
}
