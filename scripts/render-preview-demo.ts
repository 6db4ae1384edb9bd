/**
 * The documents built from the demo data (for `scripts/render-preview.ts`): a fresh in-memory
 * database is migrated and seeded, the app answers the download routes for the demo users, and
 * the files come back exactly as users get them. The forms of issue 9, point 14: phiếu đăng ký cá
 * nhân, bản tự kiểm điểm, biên bản họp đánh giá, quyết định khen thưởng with its list, giấy khen,
 * the commune's bảng tổng hợp of its cells.
 */
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openPglite } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import { DEMO_PASSWORD, seedDemo } from '../src/server/db/seed/demo.js';
import '../src/server/features/demo-seeders.js';

export interface DemoDocument {
  readonly slug: string;
  readonly docx: Buffer;
  readonly pdf: Buffer;
}

export async function demoDocuments(): Promise<DemoDocument[]> {
  const db = await openPglite('memory://');
  await migrate(db);
  await seedDemo(db);
  const app = await buildApp({ db, config: loadConfig({ DATA_DIR: '/nonexistent', WEB_DIR: '/nonexistent' }) });
  await app.ready();
  try {
    const one = async <T>(sql: string, params: unknown[]) => (await db.query<T>(sql, params))[0]!;
    const units = Object.fromEntries((await db.query<{ id: string; code: string }>('SELECT id, code FROM units')).map((u) => [u.code, u.id]));
    const school = units['cb-tieu-hoc-thanh-an']!;
    const commune = units['xa-thanh-an']!;
    const campaign = (await one<{ id: string }>('SELECT id FROM campaigns WHERE unit_id = $1 AND year = 2020 ORDER BY created_at LIMIT 1', [commune])).id;
    const registration = (
      await one<{ id: string }>(
        'SELECT r.id FROM registrations r JOIN persons p ON p.id = r.person_id WHERE r.campaign_id = $1 AND p.full_name = $2',
        [campaign, 'Đỗ Thanh Tâm'],
      )
    ).id;
    const evaluation = (await one<{ id: string }>('SELECT id FROM evaluations WHERE campaign_id = $1 AND unit_id = $2', [campaign, school])).id;
    const proposal = (await one<{ id: string }>("SELECT id FROM commendation_proposals WHERE campaign_id = $1 AND status = 'approved' LIMIT 1", [campaign])).id;

    const wanted: { slug: string; user: string; path: string }[] = [
      { slug: 'phieu-dang-ky-ca-nhan', user: 'th.gv07', path: `/api/registrations/${registration}` },
      { slug: 'ban-tu-kiem-diem', user: 'th.gv04', path: `/api/self-assessments/${campaign}/units/${school}` },
      { slug: 'bien-ban-hop-danh-gia', user: 'th.bithu', path: `/api/evaluations/${evaluation}/minutes` },
      { slug: 'quyet-dinh-khen-thuong', user: 'xa.bithu', path: `/api/commendations/${campaign}/units/${commune}/decision` },
      { slug: 'giay-khen', user: 'xa.bithu', path: `/api/commendations/${proposal}/certificate` },
      { slug: 'tong-hop-xep-loai-cac-chi-bo', user: 'xa.bithu', path: `/api/evaluations/summary/${campaign}/units/${commune}` },
    ];
    const cookies = new Map<string, string>();
    const out: DemoDocument[] = [];
    for (const w of wanted) {
      let cookie = cookies.get(w.user);
      if (cookie === undefined) {
        const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: w.user, password: DEMO_PASSWORD } });
        const set = login.headers['set-cookie'];
        cookie = String(Array.isArray(set) ? set[0] : set).split(';')[0]!;
        cookies.set(w.user, cookie);
      }
      const get = async (ext: string) => {
        const res = await app.inject({ method: 'GET', url: `${w.path}/export.${ext}`, headers: { cookie: cookie! } });
        if (res.statusCode !== 200) throw new Error(`${w.path}/export.${ext}: ${String(res.statusCode)} ${res.body.slice(0, 200)}`);
        return res.rawPayload;
      };
      out.push({ slug: w.slug, docx: await get('docx'), pdf: await get('pdf') });
    }
    return out;
  } finally {
    await app.close();
    await db.close();
  }
}
