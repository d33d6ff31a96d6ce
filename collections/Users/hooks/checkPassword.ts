import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'

import { ValidationError } from 'payload'

import type { User } from '@/payload-types'

import { passwordProblem } from '@/payload/passwordRules'

const refuse = (message: string) =>
  new ValidationError({ collection: 'users', errors: [{ message, path: 'password' }] })

// Payload's own check only asks for 3 characters. Creating an account and changing a password
// both pass through here with the new password in `data`.
export const checkPassword: CollectionBeforeValidateHook<User> = ({ data, originalDoc }) => {
  const password = (data as { password?: unknown } | undefined)?.password
  if (typeof password !== 'string' || password === '') return data
  const problem = passwordProblem({
    password,
    email: data?.email ?? originalDoc?.email,
    name: data?.name ?? originalDoc?.name,
  })
  if (problem) throw refuse(problem)
  return data
}

// Resetting a password with the e-mailed token runs no field validation and gives collection
// hooks the stored user without the new password, so the rules are applied before it starts.
export const checkResetPassword: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'resetPassword') return args
  const { password, token } = (args.data ?? {}) as { password?: unknown; token?: unknown }
  if (typeof password !== 'string' || typeof token !== 'string') return args
  const user = await req.payload.db.findOne<User>({
    collection: 'users',
    req,
    where: { resetPasswordToken: { equals: token } },
  })
  const problem = passwordProblem({ password, email: user?.email, name: user?.name })
  if (problem) throw refuse(problem)
  return args
}
