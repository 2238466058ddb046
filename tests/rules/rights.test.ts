import { describe, expect, it } from 'vitest';
import { diagnose, file } from './helpers.ts';

const config = file`
  uses:
    research: {}
    model-training: {}
    internal-analytics: {}
    redistribution: {}
    advertising: { commercial: true }
    personalisation: { commercial: true }
`;

/** A dataset with rights and lineage given as YAML lines. */
const dataset = (title: string, lines: string) => `---\ntitle: ${title}\ndescription: ${title}.\nowners: [data-team]\n${lines}---\n`;
const check = (content: Record<string, string>, today?: string) =>
  diagnose('rights', content, today === undefined ? { config } : { config, today });

describe('rights', () => {
  it('reports a commercial use downstream of non-commercial data, naming the upstream entry and the path', () => {
    const text = check({
      'datasets/ratings.md': dataset('Ratings', 'rights: { license: CC-BY-NC-4.0 }\n'),
      'datasets/features.md': dataset('Features', 'derived_from: [{ dataset: ratings }]\n'),
      'models/recommender.md': dataset('Recommender', 'training: [{ dataset: features }]\nintended_use: [research, personalisation]\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/recommender.md:6:26 error Commercial use \`personalisation\` conflicts with the non-commercial license \`CC-BY-NC-4.0\` of upstream \`ratings\` (through \`recommender\` → \`features\` → \`ratings\`)
        hint: Remove the use, or replace the non-commercial data upstream.
        see: content/datasets/ratings.md:5:9 declared on \`ratings\`"
    `);
  });

  it('reports a commercial use a dataset allows under its own non-commercial license', () => {
    const text = check({ 'datasets/ratings.md': dataset('Ratings', 'rights: { license: CC-BY-NC-SA-4.0, allowed_uses: [advertising] }\n') });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/ratings.md:5:52 error Commercial use \`advertising\` conflicts with its own non-commercial license \`CC-BY-NC-SA-4.0\`
        hint: Remove the use: the license forbids commercial use."
    `);
  });

  it('accepts non-commercial uses of non-commercial data, and a choice of licenses where one allows commerce', () => {
    const text = check({
      'datasets/ratings.md': dataset('Ratings', 'rights: { license: CC-BY-NC-4.0, allowed_uses: [research, model-training] }\n'),
      'datasets/dual.md': dataset('Dual', 'rights: { license: MIT OR CC-BY-NC-4.0, allowed_uses: [advertising, model-training] }\n'),
      'models/recommender.md': dataset('Recommender', 'training: [{ dataset: ratings }, { dataset: dual }]\nintended_use: [research]\n'),
    });
    expect(text).toBe('');
  });

  it('reports a use prohibited upstream, and one a dataset both allows and prohibits', () => {
    const text = check({
      'datasets/events.md': dataset('Events', 'rights: { license: MIT, prohibited_uses: [advertising] }\n'),
      'datasets/sessions.md': dataset('Sessions', 'derived_from: [{ dataset: events }]\nrights: { license: MIT, allowed_uses: [advertising] }\n'),
      'datasets/survey.md': dataset('Survey', 'rights: { license: MIT, allowed_uses: [research], prohibited_uses: [research] }\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/sessions.md:6:40 error Use \`advertising\` is prohibited by upstream \`events\`
        hint: A use prohibited upstream stays prohibited for everything derived from it.
        see: content/datasets/events.md:5:9 declared on \`events\`
      content/datasets/survey.md:5:40 error Use \`research\` is both allowed and prohibited
        hint: Remove it from one of the two lists."
    `);
  });

  it('reports a use prohibited by a custom license entry upstream', () => {
    const text = check({
      'licenses/studio-terms.yaml': 'title: Studio terms\nowners: [data-team]\nprohibited_uses: [advertising]\n',
      'datasets/catalogue.md': dataset('Catalogue', 'rights: { license: studio-terms }\n'),
      'models/ads.md': dataset('Ads', 'training: [{ dataset: catalogue }]\nintended_use: [advertising]\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/ads.md:6:16 error Use \`advertising\` is prohibited by upstream \`catalogue\`
        hint: A use prohibited upstream stays prohibited for everything derived from it.
        see: content/datasets/catalogue.md:5:9 declared on \`catalogue\`"
    `);
  });

  it('reports a use prohibited on the data a model feature is computed from', () => {
    const text = check({
      'datasets/catalogue.md': dataset('Catalogue', 'schema: [{ name: genre, type: string }]\nrights: { license: MIT, prohibited_uses: [advertising] }\n'),
      'features/genre.md': '---\ntitle: Genre\ndescription: G.\nowners: [data-team]\ntraining: catalogue.genre\n---\n',
      'models/ads.md': dataset('Ads', 'features: [genre]\nintended_use: [advertising]\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/ads.md:6:16 error Use \`advertising\` is prohibited by upstream \`catalogue\` (through \`ads\` → \`genre\` → \`catalogue\`)
        hint: A use prohibited upstream stays prohibited for everything derived from it.
        see: content/datasets/catalogue.md:6:9 declared on \`catalogue\`"
    `);
  });

  it('reports a dataset derived from no-derivatives data', () => {
    const text = check({
      'datasets/reviews.md': dataset('Reviews', 'rights: { license: CC-BY-ND-4.0 }\n'),
      'datasets/summaries.md': dataset('Summaries', 'derived_from: [{ dataset: reviews, transform: summarised }]\nrights: { license: CC-BY-ND-4.0 }\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/summaries.md:5:16 error Derived from \`reviews\`, whose license \`CC-BY-ND-4.0\` forbids derivatives (no derived datasets)
        hint: Use \`reviews\` unchanged, or record the licensor's permission in a \`licenses/\` entry.
        see: content/datasets/reviews.md:5:9 declared on \`reviews\`"
    `);
  });

  it('reports share-alike data relicensed downstream, and accepts it kept', () => {
    const text = check({
      'datasets/osm.md': dataset('Map', 'rights: { license: ODbL-1.0 }\n'),
      'datasets/wiki.md': dataset('Wiki', 'rights: { license: CC-BY-SA-4.0 }\n'),
      'datasets/roads.md': dataset('Roads', 'derived_from: [{ dataset: osm }]\nrights: { license: MIT }\n'),
      'datasets/streets.md': dataset('Streets', 'derived_from: [{ dataset: osm }]\n'),
      'datasets/articles.md': dataset('Articles', 'derived_from: [{ dataset: wiki }]\nrights: { license: CC-BY-SA-4.0 }\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/roads.md:6:20 error Derived from \`osm\` under share-alike \`ODbL-1.0\`, so it must keep that license, not \`MIT\`
        hint: Set \`rights.license: ODbL-1.0\`.
        see: content/datasets/osm.md:5:9 declared on \`osm\`
      content/datasets/streets.md:5:16 error Derived from \`osm\` under share-alike \`ODbL-1.0\`, so it must keep that license
        hint: Set \`rights.license: ODbL-1.0\`.
        see: content/datasets/osm.md:5:9 declared on \`osm\`"
    `);
  });

  it('reports public access or redistribution of data under no-redistribution terms upstream', () => {
    const text = check({
      'datasets/billing.md': dataset('Billing', 'rights: { license: proprietary }\n'),
      'licenses/vendor.yaml': 'title: Vendor\nowners: [data-team]\nconditions: [no-redistribution]\n',
      'datasets/vendor-feed.md': dataset('Vendor feed', 'rights: { license: vendor }\n'),
      'datasets/revenue.md': dataset('Revenue', 'derived_from: [{ dataset: billing }]\nrights: { license: CC0-1.0, access: public }\n'),
      'datasets/export.md': dataset('Export', 'derived_from: [{ dataset: vendor-feed }]\nrights: { license: CC0-1.0, allowed_uses: [redistribution] }\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/export.md:6:44 error Use \`redistribution\` conflicts with the no-redistribution terms \`vendor\` of upstream \`vendor-feed\`
        hint: Remove the use: the upstream terms forbid sharing the data outside the organisation.
        see: content/datasets/vendor-feed.md:5:9 declared on \`vendor-feed\`
      content/datasets/revenue.md:6:37 error Public access conflicts with the no-redistribution terms \`proprietary\` of upstream \`billing\`
        hint: Restrict \`access\` to \`internal\` or narrower, or build this from data that may be shared.
        see: content/datasets/billing.md:5:9 declared on \`billing\`"
    `);
  });

  it('reports public access to data derived from personal data unless it declares none', () => {
    const text = check({
      'datasets/users.md': dataset('Users', 'rights: { license: CC-BY-4.0, personal_data: true, access: restricted }\n'),
      'datasets/daily.md': dataset('Daily', 'derived_from: [{ dataset: users }]\nrights: { license: CC0-1.0, access: public }\n'),
      'datasets/anonymised.md': dataset('Anonymised', 'derived_from: [{ dataset: users }]\nrights: { license: CC0-1.0, access: public, personal_data: false }\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/daily.md:6:37 error Public access to data derived from personal data in \`users\`
        hint: If the personal data was removed or anonymised, declare \`personal_data: false\`; otherwise restrict access.
        see: content/datasets/users.md:5:9 declared on \`users\`"
    `);
  });

  it('reports an agreement that has expired, on its dataset and everything downstream, and not before', () => {
    const content = {
      'licenses/studio-terms.yaml': 'title: Studio terms\nowners: [data-team]\nexpires: 2026-06-30\n',
      'datasets/catalogue.md': dataset('Catalogue', 'rights: { license: studio-terms }\n'),
      'models/ranker.md': dataset('Ranker', 'training: [{ dataset: catalogue }]\n'),
    };
    expect(check(content)).toMatchInlineSnapshot(`
      "content/datasets/catalogue.md:5:20 error Its agreement \`studio-terms\` expired on 2026-06-30
        hint: Renew the agreement, or deprecate the entries that depend on it.
        see: content/licenses/studio-terms.yaml:3:10 \`studio-terms\` expires here
      content/models/ranker.md:5:23 error The agreement \`studio-terms\` of upstream \`catalogue\` expired on 2026-06-30
        hint: Renew the agreement, or deprecate the entries that depend on it.
        see: content/datasets/catalogue.md:5:9 declared on \`catalogue\`
        see: content/licenses/studio-terms.yaml:3:10 \`studio-terms\` expires here"
    `);
    expect(check(content, '2026-06-30')).toBe('');
  });

  it('reports training on data whose allowed uses leave out model-training', () => {
    const text = check({
      'datasets/survey.md': dataset('Survey', 'rights: { license: MIT, allowed_uses: [internal-analytics] }\n'),
      'datasets/events.md': dataset('Events', 'rights: { license: MIT, allowed_uses: [model-training] }\n'),
      'models/churn.md': dataset('Churn', 'training: [{ dataset: events }, { dataset: survey }]\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:5:44 error Trained on \`survey\`, whose allowed uses do not include \`model-training\`
        hint: Its allowed uses: \`internal-analytics\`.
        see: content/datasets/survey.md:5:39 allowed uses of \`survey\`"
    `);
  });

  it('reports each conflict once, from the nearest upstream entry, however many share the restriction', () => {
    const text = check({
      'licenses/studio-terms.yaml': 'title: Studio terms\nowners: [data-team]\nconditions: [no-redistribution]\nexpires: 2026-06-30\n',
      'datasets/billing.md': dataset('Billing', 'rights: { license: studio-terms, personal_data: true }\n'),
      'datasets/invoices.md': dataset('Invoices', 'derived_from: [{ dataset: billing }]\nrights: { license: studio-terms, personal_data: true, prohibited_uses: [advertising] }\n'),
      'datasets/report.md': dataset('Report', 'derived_from: [{ dataset: invoices }, { dataset: billing }]\nrights: { license: CC0-1.0, access: public, allowed_uses: [redistribution] }\n'),
    });
    expect(text.split('\n').filter((l) => l.startsWith('content/datasets/report.md'))).toMatchInlineSnapshot(`
      [
        "content/datasets/report.md:5:27 error The agreement \`studio-terms\` of upstream \`invoices\` expired on 2026-06-30",
        "content/datasets/report.md:6:37 error Public access conflicts with the no-redistribution terms \`studio-terms\` of upstream \`invoices\`",
        "content/datasets/report.md:6:37 error Public access to data derived from personal data in \`invoices\`",
        "content/datasets/report.md:6:60 error Use \`redistribution\` conflicts with the no-redistribution terms \`studio-terms\` of upstream \`invoices\`",
      ]
    `);
  });

  it('ignores retired entries', () => {
    const text = check({
      'datasets/ratings.md': dataset('Ratings', 'status: retired\nrights: { license: CC-BY-NC-4.0, allowed_uses: [advertising] }\n'),
    });
    expect(text).toBe('');
  });
});
