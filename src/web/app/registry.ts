/**
 * What a web feature contributes to the app: menu entries, routes and cards on the home page.
 * A feature exports one `WebFeature` (features/<f>/<f>.feature.tsx) and is listed once in
 * app/features.ts — the same "one folder + one line" rule as the server's FEATURES in app.ts.
 *
 * The server decides who may use what: `account.menu` lists the menu keys of the signed-in
 * account. A menu entry, a route with `menuKey` and a home card with `menuKey` appear only when
 * that key is in the list, so a feature never re-implements permission checks for navigation.
 */
import type { ComponentType, ReactNode } from "react";
import type { Account } from "@web/api/auth";

export interface MenuEntry {
  /** The key the server puts in `account.menu` ("units", "people", …). */
  key: string;
  /** Vietnamese label shown in the menu and on home-page quick links. */
  label: string;
  icon: ReactNode;
  /** Where the entry leads; also used to highlight the entry for sub-pages (`/to-chuc/…`). */
  path: string;
  /** One line for the home-page quick link. */
  description?: string;
  /** Position in the menu (smaller first); entries without one keep registration order after 100. */
  order?: number;
}

export interface RouteEntry {
  /** React Router path, Vietnamese slugs ("/to-chuc/:id"). */
  path: string;
  /** Usually `lazy(() => import("./x.page"))`, so each page is its own chunk. */
  component: ComponentType;
  /** When set, the page is refused unless `account.menu` contains this key. */
  menuKey?: string;
  /** Browser tab title (pages with a dynamic title set their own with usePageTitle). */
  title?: string;
}

export interface HomeWidgetProps {
  account: Account;
  /** The menu entries this account may use (for links), so a card never imports the registry. */
  menu: MenuEntry[];
}

export interface HomeWidget {
  key: string;
  component: ComponentType<HomeWidgetProps>;
  /** Shown only when `account.menu` contains this key. */
  menuKey?: string;
  /** Extra condition on the account (e.g. only cell secretaries). */
  visible?: (account: Account) => boolean;
  /** Smaller first. The built-in cards use 10 (positions), 20 (scopes), 90 (quick links). */
  order?: number;
  /** "full" spans the row; "half" (default) takes half the width on desktop, full on phones. */
  width?: "full" | "half";
}

export interface WebFeature {
  name: string;
  menu?: MenuEntry[];
  routes?: RouteEntry[];
  homeWidgets?: HomeWidget[];
}

/** Builds the lookups the shell needs from the list of features. */
export function createRegistry(features: readonly WebFeature[]) {
  const menu = features
    .flatMap((f) => f.menu ?? [])
    .map((m, i) => ({ ...m, order: m.order ?? 100 + i }))
    .sort((a, b) => a.order - b.order);
  const routes = features.flatMap((f) => f.routes ?? []);
  const widgets = features
    .flatMap((f) => f.homeWidgets ?? [])
    .map((w, i) => ({ ...w, order: w.order ?? 50 + i }))
    .sort((a, b) => a.order - b.order);

  return {
    routes,
    /** Menu entries the account may use, in menu order. */
    menuFor(account: Account): MenuEntry[] {
      const allowed = new Set(account.menu);
      return menu.filter((m) => allowed.has(m.key));
    },
    /** Home-page cards for the account, in order. */
    homeWidgetsFor(account: Account): HomeWidget[] {
      const allowed = new Set(account.menu);
      return widgets.filter((w) => (!w.menuKey || allowed.has(w.menuKey)) && (!w.visible || w.visible(account)));
    },
    /** The menu entry a location belongs to (longest matching path), for highlighting. */
    menuKeyForPath(pathname: string): string | undefined {
      let best: MenuEntry | undefined;
      for (const m of menu) {
        const match = m.path === "/" ? pathname === "/" : pathname === m.path || pathname.startsWith(`${m.path}/`);
        if (match && (!best || m.path.length > best.path.length)) best = m;
      }
      return best?.key;
    },
  };
}

export type Registry = ReturnType<typeof createRegistry>;
