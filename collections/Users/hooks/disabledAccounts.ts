import type { CollectionBeforeChangeHook, CollectionBeforeLoginHook } from 'payload'

import { APIError } from 'payload'

import type { User } from '@/payload-types'

// Runs after the password was found right, so only the account's owner learns it is disabled.
export const refuseDisabledLogin: CollectionBeforeLoginHook<User> = ({ user }) => {
  if (user.disabled)
    throw new APIError(
      'This account is disabled. Ask an administrator of the site to enable it again.',
      403,
      null,
      true,
    )
  return user
}

// An admin who disables their own account may leave the site with no admin at all. Disabling
// someone ends their sessions too, so their logins stop at once rather than at the next check.
export const guardDisabling: CollectionBeforeChangeHook<User> = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || data.disabled !== true || originalDoc?.disabled === true)
    return data
  if (originalDoc?.id === req.user?.id)
    throw new APIError(
      'You cannot disable your own account. Ask another admin to do it.',
      400,
      null,
      true,
    )
  data.sessions = []
  return data
}
