import { createUserRequestSchema, describeIssues, type CreateUserRequest, type UserRole } from '@grid-command/contracts';

export interface UserForm {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly roles: readonly UserRole[];
  /** As typed: scope ids separated by commas, spaces or 、. */
  readonly scopes: string;
}

/** The body of `POST /api/v1/users` from the form, or what is wrong with it in the contract's words. */
export function userRequest(form: UserForm): CreateUserRequest | { readonly problems: readonly string[] } {
  const displayName = form.displayName.trim();
  const parsed = createUserRequestSchema.safeParse({
    username: form.username.trim(),
    password: form.password,
    ...(displayName === '' ? {} : { displayName }),
    roles: [...form.roles],
    scopes: form.scopes.split(/[\s,，、]+/).filter((scope) => scope !== ''),
  });
  return parsed.success ? parsed.data : { problems: describeIssues(parsed.error) };
}
