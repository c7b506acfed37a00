import type { ClaimKind, Language } from '../knowledge/schema.ts';

/**
 * What answers say, in both languages, in every front end: renderers pick from here and do not write that
 * prose. Discord's own buttons and notices are in src/discord/strings.ts; the policy team's tools speak English.
 */
/** What a sentence about an answer needs of it (a FactView). */
interface FactLike {
  readonly attribution: { readonly label: string; readonly caveat: string | undefined };
  readonly asOf: string;
}

export const MESSAGES = {
  en: {
    unknown: "I don't know that one: the knowledge base does not cover it.",
    lacks: (title: string, kind: string) => `I don't know: the nearest fact, “${title}”, gives no ${kind}.`,
    kinds: {
      quantity: 'figure',
      money: 'sum of money',
      duration: 'length of time',
      date: 'date',
      since: 'date',
      frequency: 'frequency',
      name: 'name',
      leader: 'name of who leads it',
      address: 'address',
      biography: 'detail of anyone’s life or career',
      decision: 'decision or approval by anyone',
      locality: 'city, state or region',
      outcome: 'outcome',
      day: 'exact day',
      reason: 'reason',
      headcount: 'count of people or things',
      sanction: 'penalty on anyone (a dismissal, a fine, a lawsuit)',
      person: 'person’s name',
      encryption: 'word on encryption',
      certification: 'certification',
      failure: 'reason why it failed',
      others: 'names of any others',
      reaction: 'reaction from the one you name',
      volume: 'size of the data',
      consequence: 'word on what would follow',
      legality: 'word on whether it is legal',
      deadline: 'deadline',
      future: 'word on what is planned',
      state: 'word on whether a state owns or controls it',
      current: 'word on whether it still holds today',
      reversal: 'word on whether it was revoked or overturned',
      relation: 'word on how the two stand to each other',
    },
    aboutAnswer: {
      source: () => 'Where that comes from, quoted below:',
      claimant: (f: FactLike) => `Whose claim it is: ${f.attribution.label}.`,
      certainty: (f: FactLike) =>
        `${f.attribution.label}. ${f.attribution.caveat ?? 'Nothing in the knowledge base confirms it beyond the sources below.'}`,
      date: (f: FactLike) => `As of ${formatDate(f.asOf, 'en')}: ${f.attribution.label}.`,
      reason: () => 'As far as the sources say:',
      detail: () => 'All the knowledge base says of it, with its sources:',
      position: () => 'As far as the sources say who they are:',
    },
    aboutAsker: "I don't know: the knowledge base has no facts about our own organisation.",
    welcome: 'You’re welcome. Ask me anything else about where user data lives and who can reach it.',
    noOpinion: 'I have no opinion of my own: I only give what the sourced facts say.',
    aboutOther: (name: string) => `I don't know: the knowledge base has no facts about ${name}.`,
    didYouMean: (title: string) => `I'm not sure I understood. Did you mean “${title}”?`,
    answerYes: '(In the terminal chat, answer "yes" to see it.)',
    emptyQuestion: 'Ask me a question about where user data lives and who can reach it.',
    nearest: 'Nearest facts',
    askContact: (contact: string) => `For anything else, ask ${contact}.`,
    related: 'Related',
    source: 'Source',
    sources: 'Sources',
    englishRendering: 'In English',
    notIndependent: 'This is the company speaking about itself, not an independent report.',
    stale: (asOf: string, reviewBy: string) =>
      `Reviewed as of ${asOf}; its review was due on ${reviewBy}, so check before relying on it.`,
    claimKinds: {
      'company-statement': 'Company statement',
      'press-report': 'Press report',
      'government-statement': 'Government statement',
      'public-record': 'Public record',
    } satisfies Record<ClaimKind, string>,
    textIs: { 'full-text': 'full text kept', excerpt: 'excerpt kept', notes: 'from our notes on this source' },
  },
  fr: {
    unknown: 'Je ne sais pas : la base de connaissances ne couvre pas cette question.',
    lacks: (title: string, kind: string) => `Je ne sais pas : le fait le plus proche, « ${title} », ne donne ${kind}.`,
    kinds: {
      quantity: 'aucun chiffre',
      money: 'aucune somme d’argent',
      duration: 'aucune durée',
      date: 'aucune date',
      since: 'aucune date',
      frequency: 'aucune fréquence',
      name: 'aucun nom',
      leader: 'aucun nom de dirigeant',
      address: 'aucune adresse',
      biography: 'aucun détail sur la vie ou la carrière de quiconque',
      decision: 'aucune décision ni approbation de quiconque',
      locality: 'aucune ville, aucun État ni aucune région',
      outcome: 'rien sur ce qu’il en est advenu',
      day: 'aucun jour précis',
      reason: 'aucune raison',
      headcount: 'aucun décompte de personnes ni de choses',
      sanction: 'aucune sanction contre quiconque (licenciement, amende, poursuites)',
      person: 'aucun nom de personne',
      encryption: 'rien sur le chiffrement',
      certification: 'aucune certification',
      failure: 'aucune raison de cet échec',
      others: 'aucun autre nom',
      reaction: 'aucune réaction de celui que vous nommez',
      volume: 'aucun volume de données',
      consequence: 'rien sur ce qui en découlerait',
      legality: 'rien sur sa légalité',
      deadline: 'aucune date limite',
      future: 'rien sur ce qui est prévu',
      state: 'rien sur la détention ou le contrôle par un État',
      current: 'rien sur ce qu’il en est aujourd’hui',
      reversal: 'rien sur une révocation ou une annulation',
      relation: 'rien sur le lien entre les deux',
    },
    aboutAnswer: {
      source: () => 'D’où cela vient, cité ci-dessous :',
      claimant: (f: FactLike) => `Qui l’affirme : ${f.attribution.label}.`,
      certainty: (f: FactLike) =>
        `${f.attribution.label}. ${f.attribution.caveat ?? 'Rien dans la base de connaissances ne le confirme au-delà des sources ci-dessous.'}`,
      date: (f: FactLike) => `À la date du ${formatDate(f.asOf, 'fr')} : ${f.attribution.label}.`,
      reason: () => 'D’après les sources :',
      detail: () => 'Tout ce qu’en dit la base de connaissances, avec ses sources :',
      position: () => 'Ce que les sources disent de qui il s’agit :',
    },
    aboutAsker: 'Je ne sais pas : la base de connaissances ne contient rien sur notre propre organisation.',
    welcome: 'Avec plaisir. Posez-moi toute autre question sur l’endroit où sont les données et qui peut y accéder.',
    noOpinion: 'Je n’ai pas d’avis propre : je ne donne que ce que disent les faits sourcés.',
    aboutOther: (name: string) => `Je ne sais pas : la base de connaissances ne contient rien sur ${name}.`,
    didYouMean: (title: string) => `Je ne suis pas sûr d’avoir compris. Vouliez-vous dire « ${title} » ?`,
    answerYes: '(Dans le chat du terminal, répondez « oui » pour le voir.)',
    emptyQuestion:
      'Posez-moi une question sur l’endroit où se trouvent les données des utilisateurs et qui peut y accéder.',
    nearest: 'Faits les plus proches',
    askContact: (contact: string) => `Pour le reste, adressez-vous à ${contact}.`,
    related: 'Voir aussi',
    source: 'Source',
    sources: 'Sources',
    englishRendering: 'En anglais',
    notIndependent: 'C’est l’entreprise qui parle d’elle-même, pas un rapport indépendant.',
    stale: (asOf: string, reviewBy: string) =>
      `Vérifié à la date du ${asOf} ; sa révision était prévue le ${reviewBy} : à vérifier avant de s’y fier.`,
    claimKinds: {
      'company-statement': 'Déclaration d’entreprise',
      'press-report': 'Article de presse',
      'government-statement': 'Déclaration officielle',
      'public-record': 'Document public',
    } satisfies Record<ClaimKind, string>,
    textIs: {
      'full-text': 'texte intégral conservé',
      excerpt: 'extrait conservé',
      notes: 'd’après nos notes sur cette source',
    },
  },
} as const;

// Building an Intl formatter costs far more than answering a question: build each once.
const DATE_FORMATS: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

export function formatDate(isoDate: string, language: Language): string {
  return DATE_FORMATS[language].format(new Date(`${isoDate}T00:00:00Z`));
}
