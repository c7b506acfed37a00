/**
 * Words that carry no topic in a question, by language (accents already folded): function words, and
 * conversational fillers and chat shorthand ("please", "bonjour", "tbh", "stp"). With the work words
 * below, they are the stop words.
 * Names of things (tiktok, oracle, data) never belong here: their weight comes from the knowledge base.
 */
const FUNCTION_WORDS = {
  en: `a about above after again against all also am an and any anybody anyone are aren around as at be because been before
    being below between both but by can cannot could currently did didn do does doesn doing don done down during each either
    else ever every exactly few for from further get gets getting go goes going got had has hasn have haven having he hello her here
    hers herself hey hi him himself his how however i if in into is isn it its itself just know let like ll many may me might more most much must
    my myself need no nor not now of off on once one only or other our ours out over own please pls re really s same say says shall
    she should so some someone something still such sure t tell than thank thanks that the their theirs them then there these
    they themselves thing things this those through thx to too tried tries try trying under until up ve very via want was wasn we went were weren what whats when where
    whether which while who whom whose why will with won would yes yet you your yours yourself yourselves ourselves d m even
    concern concerns side actual actually anything anyway basically btw dunno fyi gonna gotta guys hows idk iirc imho imo kinda literally lmao lol nah ngl nope
    ok okay omg plz q quick r right rn smth sth abt tbh tho thru u ur whos wheres wanna w ya yeah yep yo yup wtf
    aint arent cant couldnt didnt doesnt dont hadnt hasnt havent im isnt ive shouldnt thats theres theyre wasnt werent
    wont wouldnt youre ofc nvm
    already although amongst among anymore anywhere besides etc everybody everyone everything except hence indeed instead
    lot lots maybe neither nobody nothing ones onto perhaps people person probably rather somewhere though thus toward towards
    unless upon whatever whenever wherever whichever whilst whoever within without finally concretely well longer stuff wait stated
    supposedly allegedly apparently reportedly purportedly ostensibly reason reasons grounds pertaining relating whole
    exist exists existed existing afterwards afterward suggesting indicating alleging`,
  fr: `a afin ai aie aient ainsi alors as au aucun aussi autre aux avaient avais avait avant avec avez aviez avoir avons ayant bon
    bonjour bonsoir c ca car ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez ci comme comment d dans de
    depuis des dit doit donc dont du elle elles en encore es essaie essaye essayer essayait est et etaient etais etait ete etre eu eux fait faire fais faut il
    ils j je jusqu juste l la le les leur leurs lui m ma mais me meme merci mes moi mon n ne ni non nos notre nous o on ont ou par parce
    pas peu peut peux plus pour pourquoi qu quand que quel quelle quelles quels qui quoi s sa sais salut sans savoir se selon ses
    si sil son sont sous suis sur svp t ta te tes toi ton toujours tous tout toute toutes tres tu un une va vais vers voila vont vos
    votre vous y
    ah bah ben bcp bjr bref cc chai cest combien ct dac genre grave hein jsp mdr oki ouais pr ptdr qq qqch qqn slt stp tjrs trop truc
    vraiment wsh dsl tkt
    apres aujourd aupres auquel certain certaine certaines certains chose choses contre deja duquel egard entre gens hui lequel
    laquelle lesquelles lesquels lors malgre notamment oui parmi pendant personne plusieurs plutot propos puis quant quelqu
    quelque quelques rien seulement sinon surtout tel telle telles tels uniquement voici enfin finalement concretement maintenant exactement bien ensemble actuellement desormais
    apparemment pretendument visiblement soi disant raison raisons motif motifs relatif relatifs relative relatives
    allait allaient ira iront irait iraient lorsque lorsqu cote sein encontre
    sera seras serons serez seront serait serais seraient aura auras aurons aurez auront aurait aurais auraient
    existe existent existait existaient exister dessus dessous`,
};

/**
 * The words of a question's framing: who is asking, for whom, through what and for what ("a client asked
 * me on a call", "for my slide deck tomorrow", "new hire here", "je prépare une note pour le comex", "un
 * journaliste m'a appelé"). They say why someone asks, never what about, in any knowledge base: a general
 * lexicon of workplace talk in both languages, not one knowledge base's words. Words that are often the
 * subject of a question about data and companies ("report", "team", "statement", "press", "partner",
 * "security") are left out even where they also frame. "Our memo" or "notre questionnaire" is the
 * asker's document, not a thing a fact could be about.
 */
export const FRAMING_WORDS = {
  en: new Set(
    `accurate according ahead annex anybody appendix ask asked asking asks assessment audit audits aunt background boss bosses brief
    briefed briefing briefings call called caller calls check checked checking cite citation client clients colleague
    colleagues compliance concerning confirm confirmation context correct counsel coworker coworkers curious customer customers dad
    daughter deck decks diligence doc docs document documents double draft drafting dinner dpia dpo due email emailed emails
    exec execs explain explained writing write compiling compile explaining faq faqs file finalise finalize folks form forms friend friends guy hear heard hire
    hires husband inbox intern interns kindly kyc lawyer lawyers legal manager managers meeting meetings memo memos mentioned
    mom morning newbie newcomer newsletter notes onboarding one-pager onepager paragraph per phone pinged pitch prep prepare
    preparing prepping procurement prospect prospects question questionnaire questions questionnaires quote reference regarding
    register regulatory remind reminder risk risks sanity section sister slide slides someone son summarise summarize summary supplier tell
    teammate teammates telling thread told tomorrow tonight training understand uncle update vendor vendors verify wife
    wiki wondering workshop yesterday bot asap basics false support true urgent urgently wanted wants
    slack whatsapp zoom linkedin outlook gmail webex remember remembers remembered recall recalls recalled vaguely saw seen`.split(
      /\s+/,
    ),
  ),
  fr: new Set(
    `aimerais annexe appel appele appeles appelle avocat avocats besoin brief briefing cadre chef cheffe citer cite client
    clientele cliente clients codir collegue collegues comex confirmer confirmation conformite contexte correct correcte
    courriel demain demande demandait demande demandee demander demandes destine destinee diapo diapos diligence dossier dpo
    evaluation exact exacte expliquer faq fille fils formation formulaire fournisseur fournisseurs frere hier indiquer juriste juristes
    kyc mail mails manager mari matin matrice memo mentionner merci message messages note noter oncle paragraphe pourriez
    preciser prepare preparer presentation prospect question questionnaire questions recrue redaction redige rediger registre
    reglementaire reglementaires relis relire resume resumez resumer reunion reunions rappeler risque risques section slide slides soeur soir souhaite souhaiterais stagiaire
    stagiaires synthese tante telephone verifier verification voudrais vrai bot comprendre entendu explique lu parle parlait
    parler raconte racontait sait savait urgent veut voulait voudrait directeur directrice patron patronne
    superieur hierarchique souvient souviens souvenait vaguement`.split(/\s+/),
  ),
} as const;

/** Words that carry no topic in a question: function words and chat fillers. */
export const STOP_WORDS = {
  en: new Set(FUNCTION_WORDS.en.split(/\s+/).filter(Boolean)),
  fr: new Set(FUNCTION_WORDS.fr.split(/\s+/).filter(Boolean)),
} as const;

/**
 * First-person possessives: in "our servers" or "mon compte" the thing asked about belongs to the asker,
 * not to anything a fact is about, however many words the question shares with a fact.
 */
/**
 * Everyday subjects of office small talk and facilities, in both languages: the weather, meals, parking,
 * holidays. A question about one of them is about it, whatever else it names ("the weather in Singapore"),
 * unless a fact of the knowledge base explains the word. Not "temps" (time) nor "café" ("à la pause café").
 */
export const EVERYDAY_SUBJECTS: ReadonlySet<string> = new Set(
  `weather forecast forecasts rain raining snow snowing temperature temperatures meteo pluie pleut neige
  lunch dinner breakfast menu cafeteria canteen dejeuner diner cantine restaurant restaurants parking
  vacation vacations holiday holidays conges vacances birthday birthdays anniversaire gym
  vpn wifi printer printers imprimante imprimantes laptop laptops password passwords`.split(/\s+/),
);

/** A message that only closes the conversation: "thanks!", "ok merci", "great, got it", "parfait". */
export const CLOSINGS: ReadonlySet<string> = new Set(
  `thanks thank you thx ty tysm cheers ok okay k kk cool great perfect awesome nice good got it noted understood
  much lot merci beaucoup parfait super top nickel genial compris note bien ca marche entendu d accord daccord
  bon ah oh and so alors et`.split(/\s+/),
);

/**
 * Words asking the bot's own opinion or advice: "what do you think?", "ton avis ?", "que conseilles-tu ?",
 * "should we be worried?", "is it safe?", "c'est dangereux ?".
 */
export const OPINIONS: ReadonlySet<string> = new Set(
  `think thoughts opinion opinions view views take feel recommend recommendation advise advice suggest
  penses pensez pense penser avis recommandes recommandez recommande conseilles conseillez conseille conseil
  suggeres suggerez worried worry worrying concerned inquiet inquiete inquiets inquietes inquieter inquietant
  inquietante safe bad dangerous risky dangereux dangereuse risque`.split(/\s+/),
);

export const FIRST_PERSON_POSSESSIVES: ReadonlySet<string> = new Set(['our', 'my', 'notre', 'nos', 'mon', 'ma', 'mes']);

/** First-person subjects: a knowledge base whose examples use them speaks of its own organisation. */
export const FIRST_PERSON_SUBJECTS: ReadonlySet<string> = new Set(['we', 'nous']);

/** What something means or changes for someone. */
const IMPACT: ReadonlySet<string> = new Set(
  `mean means meaning change changes changent impact impacts impacte affect affects implication implications implique
  consequence consequences signifie signifient veut veulent`.split(/\s+/),
);

/**
 * Whether a question's words speak of the asker's own organisation without a possessive: "chez nous",
 * "nous aussi", "nous-mêmes", "we too", "we also", or what something means for them ("for us", "pour nous").
 */
export function speaksOfAsker(words: readonly string[]): boolean {
  // "what does that mean for us?", "qu'est-ce que ça change pour nous ?": what follows for the asker.
  const impact = words.some((w) => IMPACT.has(w));
  return words.some((w, i) => {
    const next = words[i + 1];
    // "our company", "notre entreprise", "our org": the asker's organisation, in any knowledge base.
    if (FIRST_PERSON_POSSESSIVES.has(w) && next !== undefined && ORGANISATION.has(next)) return true;
    if (w === 'chez' && next === 'nous') return true;
    if (
      impact &&
      ((w === 'for' && (next === 'us' || next === 'me')) || (w === 'pour' && (next === 'nous' || next === 'moi')))
    )
      return true;
    if (w === 'nous' && (next === 'aussi' || next === 'memes' || next === 'meme')) return true;
    return w === 'we' && (next === 'too' || next === 'also');
  });
}

const ORGANISATION: ReadonlySet<string> = new Set(
  'company companies firm org organisation organization business employer boite entreprise societe organisme employeur groupe'.split(
    ' ',
  ),
);

/**
 * Chat shorthand and slang read as the word it stands for, so that stop words, answer kinds and the
 * knowledge base see the word: "cmb de temps" asks how long, "govt" is the government, "ppl" people,
 * "bosser" is "travailler" (which a stemmer cannot tell from "boss").
 */
export const CHAT_SHORTHAND: ReadonlyMap<string, string> = new Map([
  ['ppl', 'people'],
  ['govt', 'government'],
  ['gov', 'government'],
  ['yr', 'year'],
  ['yrs', 'years'],
  ['dept', 'department'],
  ['mgmt', 'management'],
  ['acct', 'account'],
  ['biz', 'business'],
  ['co', 'company'],
  ['msg', 'message'],
  ['b4', 'before'],
  ['bc', 'because'],
  ['cuz', 'because'],
  ['bcuz', 'because'],
  ['tmrw', 'tomorrow'],
  ['cmb', 'combien'],
  ['cb', 'combien'],
  ['pr', 'pour'],
  ['inge', 'ingenieur'],
  ['inges', 'ingenieurs'],
  ['qd', 'quand'],
  ['pq', 'pourquoi'],
  ['pk', 'pourquoi'],
  ['mtn', 'maintenant'],
  ['ajd', 'aujourd'],
  ['auj', 'aujourd'],
  ['ds', 'dans'],
  ['tt', 'tout'],
  ['pb', 'probleme'],
  ['gouv', 'gouvernement'],
  ['gvt', 'government'],
  ['dc', 'datacenter'],
  ['dcs', 'datacenters'],
  ['infra', 'infrastructure'],
  ['appli', 'application'],
  ['prod', 'production'],
  ['collab', 'collaboration'],
  ['collabs', 'collaborations'],
  ['koi', 'quoi'],
  ['kwa', 'quoi'],
  // French slang for everyday words: "ils bossent avec oracle", "le proprio de tiktok".
  ['bosse', 'travaille'],
  ['bosser', 'travailler'],
  ['bossent', 'travaillent'],
  ['bossait', 'travaillait'],
  ['bossaient', 'travaillaient'],
  ['proprio', 'proprietaire'],
  ['proprios', 'proprietaires'],
  ['boulot', 'travail'],
]);
