import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, type Repository } from 'typeorm';
import { UserEntity } from './entities/user.entity.js';

/** Raised by `save` when another account already has the email. */
export class DuplicateEmailError extends Error {}

/** How long a cached record may serve before it is read again (bounds what another process's change waits for). */
const CACHE_TTL_MS = 30_000;

/**
 * The user records. The guard reads a user on every request, so records are cached here by
 * id; every write goes through `save`, which drops the cached copy, so a disabled user is
 * refused on the very next request in this process.
 */
@Injectable()
export class UsersRepository {
  private readonly cache = new Map<number, { user: UserEntity; until: number }>();
  /** Bumped by every write: a read that began before a write must not cache what it read. */
  private generation = 0;

  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  /** The cached record (a copy), or a read from the database (always, with `fresh`: before a write). */
  async findById(id: number, options: { fresh?: boolean } = {}): Promise<UserEntity | null> {
    const hit = options.fresh === true ? undefined : this.cache.get(id);
    if (hit !== undefined && hit.until > Date.now()) return { ...hit.user };
    const generation = this.generation;
    const user = await this.users.findOneBy({ id });
    if (user !== null && generation === this.generation) this.cache.set(id, { user: { ...user }, until: Date.now() + CACHE_TTL_MS });
    return user;
  }

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { id: 'ASC' } });
  }

  async save(user: Partial<UserEntity>): Promise<UserEntity> {
    this.generation++;
    if (user.id !== undefined) this.cache.delete(user.id);
    try {
      const saved = await this.users.save(this.users.create({ ...user, email: user.email?.trim().toLowerCase() }));
      return saved;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw new DuplicateEmailError();
      throw error;
    } finally {
      // Again after the write: a read racing with it may have cached the old record.
      this.generation++;
      if (user.id !== undefined) this.cache.delete(user.id);
    }
  }
}
