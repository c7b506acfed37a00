/** Fact drafts the preview tests (terminal and service) try. */

/** A valid draft whose first question reads as backups-retained's own (copy = backup in synonyms.yaml). */
export function spareCopiesDraft(id: string): string {
  return `id: ${id}
topic: data-location
title:
  en: TikTok's spare copies
  fr: Les copies de secours de TikTok
answer:
  en: TikTok says it keeps spare copies.
  fr: TikTok dit garder des copies de secours.
attribution:
  claimant: TikTok
  kind: company-statement
citations:
  - source: tiktok-oracle-article-fr
    quote: TikTok dit que son trafic américain passe par les serveurs Oracle, mais il conserve des sauvegardes.
    translation: TikTok says its US traffic goes through Oracle servers, but it keeps backups.
aliases:
  en: [spare copy vault]
  fr: [coffre des copies]
questions:
  en:
    - Does TikTok still keep its own copies of US user data?
  fr:
    - Où est le coffre des copies ?
as_of: 2022-06-17
owner: policy-team
review_by: 2027-06-30
`;
}
