import type { Language } from '../knowledge/schema.ts';

/**
 * What only the Discord layer says (buttons, votes, errors, cooldown), in both languages. What answers say,
 * in any front end, is in src/answer/messages.ts.
 */
export const UI = {
  en: {
    helpful: 'Helpful',
    notHelpful: 'Not helpful',
    thanks: 'Thanks — your vote is recorded.',
    whoseClaim: 'Whose claim',
    noSuchFact: (name: string) => `There is no fact called “${name}”. Start typing and pick one from the list.`,
    somethingWrong: (ref: string) =>
      `Something went wrong on my side (ref ${ref}). Please try again; if it keeps happening, give the ref to the bot's maintainers.`,
    cooldown: (seconds: number) => `Please wait ${seconds} s before asking again.`,
    policyOnly: 'Only the policy team can do this.',
    policyRoleIsEveryone:
      "Nobody can do this yet: POLICY_ROLE_ID is this server's @everyone role, which would let every member in. The bot's operator must set it to the policy team's own role.",
    factsTitle: 'What I know',
    moreFacts: (n: number) => `…and ${n} more: use /fact to search them.`,
    footer: (id: string, version: string) => `${id} · knowledge ${version}`,
    emptyMention: 'Ask me something after the mention, e.g. “@bot where is US user data stored?”',
    together: (n: number) =>
      `${n} questions came here at once, so here are the answers in short; the buttons open them in full, privately. (/ask answers at once, even when a channel is busy.)`,
  },
  fr: {
    helpful: 'Utile',
    notHelpful: 'Pas utile',
    thanks: 'Merci, votre avis est enregistré.',
    whoseClaim: 'Qui l’affirme',
    noSuchFact: (name: string) =>
      `Aucun fait ne s’appelle « ${name} ». Commencez à taper et choisissez-en un dans la liste.`,
    somethingWrong: (ref: string) =>
      `Une erreur s’est produite de mon côté (réf. ${ref}). Réessayez ; si cela se reproduit, transmettez la réf. aux responsables du bot.`,
    cooldown: (seconds: number) => `Merci d’attendre ${seconds} s avant de reposer une question.`,
    policyOnly: 'Seule l’équipe politique peut faire cela.',
    policyRoleIsEveryone:
      'Personne ne peut encore faire cela : POLICY_ROLE_ID est le rôle @everyone de ce serveur, qui laisserait entrer tous les membres. La personne qui gère le bot doit y mettre le rôle de l’équipe politique.',
    factsTitle: 'Ce que je sais',
    moreFacts: (n: number) => `…et ${n} autres : utilisez /fact pour les chercher.`,
    footer: (id: string, version: string) => `${id} · connaissances ${version}`,
    emptyMention:
      'Posez-moi une question après la mention, par ex. « @bot où sont stockées les données américaines ? »',
    together: (n: number) =>
      `${n} questions sont arrivées ici en même temps : voici les réponses en bref ; les boutons les ouvrent en entier, en privé. (/ask répond tout de suite, même quand un salon est chargé.)`,
  },
} as const;

export function languageOfLocale(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
