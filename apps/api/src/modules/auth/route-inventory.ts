import { Injectable, Logger, RequestMethod, type OnApplicationBootstrap } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService } from '@nestjs/core';
import { ruleFor, type HttpVerb, type RouteKey } from './access-rules.js';

/** A route's keys as the rule table writes them; several when a handler declares several paths. */
export function routeKeysOf(controller: object, handler: object): RouteKey[] {
  const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
  if (method === undefined) return [];
  const verb = RequestMethod[method] as HttpVerb;
  const prefixes = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined].flat();
  const paths = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined].flat();
  const keys: RouteKey[] = [];
  for (const prefix of prefixes) {
    for (const path of paths) {
      const joined = `/${[prefix ?? '', path ?? ''].join('/')}`.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
      keys.push(`${verb} ${joined}` as RouteKey);
    }
  }
  return keys;
}

/** Every route the application's controllers register, from Nest's own metadata. */
@Injectable()
export class RouteInventory implements OnApplicationBootstrap {
  private readonly logger = new Logger(RouteInventory.name);

  constructor(private readonly discovery: DiscoveryService) {}

  /** Says at start-up which routes the rule table forgot (they answer 403 to everyone). */
  onApplicationBootstrap(): void {
    const missing = this.routes().filter((key) => ruleFor(key) === undefined);
    if (missing.length > 0) this.logger.error(`routes without an access rule, closed to everyone: ${missing.join(', ')}`);
  }

  routes(): RouteKey[] {
    const keys = new Set<RouteKey>();
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (typeof controller !== 'function') continue;
      for (let proto = controller.prototype as object | null; proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
        for (const name of Object.getOwnPropertyNames(proto)) {
          const handler = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
          if (name === 'constructor' || typeof handler !== 'function') continue;
          for (const key of routeKeysOf(controller, handler)) keys.add(key);
        }
      }
    }
    return [...keys].sort();
  }
}
