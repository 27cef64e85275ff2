import { Injectable } from '@nestjs/common';
import type { CreateUserRequest, UpdateUserRequest, UserSummary, UsersResponse } from '@caseload/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/current-user.decorator.js';
import type { UserEntity } from '../auth/entities/user.entity.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import { hashPassword } from '../auth/password-hasher.js';
import { DuplicateEmailError, UsersRepository } from '../auth/users.repository.js';
import { EmailTakenException, SelfLockoutException, UserNotFoundException } from './users.exception.js';

/** Who made a change and from where, for the audit log. */
export interface Actor {
  user: AuthUser;
  address: string | null;
}

/**
 * Accounts, roles and department scopes. Any change to what a user may do, and any new
 * password, bumps the user's token version: tokens issued before stop working at once.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<UsersResponse> {
    return { users: (await this.users.list()).map(toSummary) };
  }

  async create(input: Required<CreateUserRequest>, actor: Actor): Promise<UserSummary> {
    if ((await this.users.findByEmail(input.email)) !== null) throw new EmailTakenException(input.email);
    const passwordHash = await hashPassword(input.password);
    let created: UserEntity;
    try {
      created = await this.users.save({ email: input.email, passwordHash, role: input.role, departments: input.departments });
    } catch (error) {
      if (error instanceof DuplicateEmailError) throw new EmailTakenException(input.email);
      throw error;
    }
    const user = await this.existing(created.id);
    await this.audit.record({
      action: 'user.create',
      actor: actor.user.email,
      address: actor.address,
      details: { userId: user.id, email: user.email, role: user.role, departments: user.departments },
    });
    return toSummary(user);
  }

  async update(id: number, update: UpdateUserRequest, actor: Actor): Promise<UserSummary> {
    const user = await this.existing(id);
    if (id === actor.user.id && update.disabled === true) {
      throw new SelfLockoutException('disabled: you cannot disable your own account; another administrator can.');
    }
    if (id === actor.user.id && update.role !== undefined && update.role !== 'admin') {
      throw new SelfLockoutException('role: you cannot take the admin role from yourself; another administrator can.');
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (update.role !== undefined && update.role !== user.role) changes['role'] = { from: user.role, to: update.role };
    if (update.departments !== undefined && !sameCodes(update.departments, user.departments)) {
      changes['departments'] = { from: user.departments, to: update.departments };
    }
    if (update.disabled !== undefined && update.disabled !== user.disabled) changes['disabled'] = { from: user.disabled, to: update.disabled };
    if (Object.keys(changes).length === 0) return toSummary(user);

    await this.users.save({ ...user, ...update, tokenVersion: user.tokenVersion + 1 });
    await this.audit.record({ action: 'user.update', actor: actor.user.email, address: actor.address, details: { userId: id, email: user.email, changes } });
    return toSummary(await this.existing(id));
  }

  async resetPassword(id: number, password: string, actor: Actor): Promise<void> {
    const user = await this.existing(id);
    const passwordHash = await hashPassword(password);
    await this.users.save({ ...user, passwordHash, tokenVersion: user.tokenVersion + 1 });
    await this.throttle.forgetAccount(user.email);
    await this.audit.record({ action: 'user.password', actor: actor.user.email, address: actor.address, details: { userId: id, email: user.email } });
  }

  private async existing(id: number): Promise<UserEntity> {
    const user = await this.users.findById(id, { fresh: true });
    if (user === null) throw new UserNotFoundException(id);
    return user;
  }
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  const sorted = [...b].sort();
  return a.length === b.length && [...a].sort().every((code, i) => code === sorted[i]);
}

/** What the API shows of a user: never the password hash nor the token version. */
export function toSummary(user: UserEntity): UserSummary {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    departments: user.departments,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
  };
}
