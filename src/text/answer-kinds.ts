import { fold } from './normalise.ts';

/**
 * What kind of answer a question asks for, when it asks for a particular kind: a figure ("how many",
 * "combien"), a length of time ("how long", "combien de temps"), a date ("when did…", "en quelle année"), how
 * often ("how often", "à quelle fréquence"), a name ("the name of the security firm", "son nom", "who
 * leads the unit"), or a postal address ("the address of the data center", "l'adresse exacte").
 * A fact that gives no such thing does not answer the question, however many words it shares with it:
 * "how long does TikTok keep a backup" is not answered by "TikTok keeps backups".
 * Words are lower case with accents folded, as `analyze()` gives them.
 */
export type AnswerKind =
  | 'quantity'
  | 'money'
  | 'duration'
  | 'date'
  | 'frequency'
  | 'name'
  | 'leader'
  | 'address'
  | 'biography'
  | 'decision'
  | 'locality'
  | 'outcome'
  | 'day'
  | 'reason'
  | 'headcount'
  | 'sanction'
  | 'person'
  | 'encryption'
  | 'certification'
  | 'failure'
  | 'others'
  | 'reaction'
  | 'volume'
  | 'consequence'
  | 'legality'
  | 'deadline'
  | 'future'
  | 'state'
  | 'current'
  | 'reversal'
  // How one thing stands to another ("does he report to the new unit?"), asked after an answer about one of
  // them (`readFollowUp`'s `relatedTo`); no text is read as giving it.
  | 'relation';

const FIRST_WORD: ReadonlySet<number> = new Set([0]);

/** What a question asks for: one kind of answer, or "since" (since when), which a length or a date answers. */
export type AskedKind = AnswerKind | 'since';

/** The kinds of answer a question's words ask for (usually none). */
export function askedKinds(words: readonly string[], starts: ReadonlySet<number> = FIRST_WORD): Set<AskedKind> {
  const kinds = new Set<AskedKind>();
  // "why singapore of all places?", "pourquoi trump voulait…": a reason, asked by the question's first word;
  // or later, after a frame ("For my memo I need the reason: why exactly did the deal collapse?"): "why"
  // before a verb, "pourquoi" anywhere; not "that's why", "c'est pourquoi". Not "why would the Treasury even
  // be involved?", which asks its role.
  const opening = words.findIndex((w) => !OPENERS.has(w));
  // "Singapore? why there of all places?": after one word naming what it is about.
  const asksWhy = (w: string, i: number) =>
    (w === 'why' || w === 'pourquoi') &&
    (i === opening ||
      (i === opening + 1 && !THAT_IS.has(words[i - 1] ?? '')) ||
      (!THAT_IS.has(words[i - 1] ?? '') &&
        (w === 'pourquoi' || words.slice(i + 1, i + 3).some((x) => AUXILIARY_VERBS.has(x)))));
  // "pour quelle raison …", "for what reason", "what was the reason", "what was his concern?": a reason
  // asked by its noun.
  const reasonNamed = (w: string, i: number) =>
    REASONS.has(w) &&
    (WHICH.has(words[i - 1] ?? '') || THE.has(words[i - 1] ?? '') || THEIR.has(words[i - 1] ?? '')) &&
    !THAT_IS.has(words[i - 2] ?? '');
  const why = words.some(asksWhy) || words.some(reasonNamed);
  // Not "why not?", "pourquoi pas ?" alone, which asks why something else was not done; "pourquoi TikTok ne
  // donne pas de date ?" asks a reason like any other.
  const whyNot = words.length <= 3 && words.some((w) => NEGATED.has(w));
  if (why && !whyNot && !words.some((w) => INVOLVED.has(w))) kinds.add('reason');
  // "why did the deal fall through?", "pourquoi l'accord n'a-t-il jamais abouti ?": why it failed, which a
  // fact saying only that it never materialised does not give.
  const joined = ` ${words.join(' ')} `;
  if (why && FAILED_ASKED.some((pattern) => pattern.test(joined))) kinds.add('failure');
  // "what happens if they miss it?", "que se passe-t-il si…", "et s'ils le font pas, il se passe quoi ?",
  // "what if they don't?", "what are the consequences?": what would follow (not "si le trafic passe par
  // Oracle": what passes through).
  const condition = words.some(
    (w, i) => w === 'if' || w === 'si' || (w === 's' && (words[i + 1] === 'il' || words[i + 1] === 'ils')),
  );
  if (
    words.some(
      (w, i) =>
        (HAPPENS.has(w) && condition && (!w.startsWith('pass') || words[i - 1] === 'se')) ||
        CONSEQUENCES.has(w) ||
        (w === 'what' && words[i + 1] === 'if'),
    )
  )
    kinds.add('consequence');
  // "is that supposed to change?", "ça va rester comme ça ?", "et à terme ?": what is planned, which only a
  // text telling of a plan gives.
  // "will they force the sale this time?", "are they going to try again?": whether something happens once
  // more, which only a plan tells.
  const future = words.some((w) => FUTURE_MARKERS.has(w));
  if ((future && (words.some((w) => CHANGES.has(w)) || REPEATED.test(joined))) || FUTURE_ASKED.test(joined))
    kinds.add('future');
  // "what deadline did Trump set?", "quelle date limite ?", "l'échéance": a date by which, which a year does
  // not give.
  if (
    words.some((w, i) => DEADLINES.has(w) || (w === 'date' && (words[i + 1] === 'limite' || words[i + 1] === 'butoir')))
  )
    kinds.add('deadline');
  // "is tiktok even allowed on our phones?", "singapour a le droit d'y accéder ?": whether it is permitted,
  // which only a text saying what the law or a rule allows gives.
  if (
    words.some(
      (w, i) =>
        PERMITTED.has(w) || (w === 'droit' && words[i - 1] === 'le' && (words[i + 1] === 'd' || words[i + 1] === 'de')),
    )
  )
    kinds.add('legality');
  // "is that legal?", "c'est légal ?", "is it even lawful?", "was that order even legal?": whether it is
  // allowed by law.
  if (
    words.some(
      (w, i) =>
        LEGALITY.has(w) && (words[i - 1] === 'even' || words.slice(Math.max(0, i - 3), i).some((x) => IS.has(x))),
    )
  )
    kinds.add('legality');
  // "is it state-owned?", "owned by the Chinese government?", "contrôlée par l'État chinois ?", "une
  // entreprise d'État ?", "does Beijing have a stake?": whether a state owns or controls it, which a text
  // naming a company as its owner does not say.
  if (asksState(words)) kinds.add('state');
  // "did Biden revoke Trump's order?", "l'ordre a-t-il été abrogé ?": whether it was undone, which a text
  // telling of the order alone does not say.
  // So "Biden a annulé le décret ?", but not "le deal a été annulé ?": a deal that fell through.
  if (words.some((w) => REVERSED.has(w) || (ANNULLED.has(w) && !words.some((x) => DEALS.has(x) || SALES.has(x)))))
    kinds.add('reversal');
  // "is that still the case today?", "c'est toujours vrai aujourd'hui ?": whether it still holds now, which a
  // dated answer does not say (not "c'était encore le cas récemment ?", which asks how recent it was).
  if (STILL_SO.test(joined) && words.some((w) => NOWADAYS.has(w))) kinds.add('current');
  words.forEach((w, i) => {
    const next = words[i + 1];
    const after = words[i + 2];
    const previous = words[i - 1];
    if (w === 'how' && (next === 'often' || next === 'frequently')) kinds.add('frequency');
    else if (w === 'frequence' || w === 'frequency') kinds.add('frequency');
    else if (w === 'tous' && next === 'les' && after === 'combien') kinds.add('frequency');
    else if (w === 'how' && next === 'long') kinds.add('duration');
    // "for what period", "what retention period", "quelle durée", "sur quelle période".
    else if (WHICH.has(w) && words.slice(i + 1, i + 4).some((x) => PERIODS.has(x))) kinds.add('duration');
    else if (w === 'how' && next === 'much' && after === 'time') kinds.add('duration');
    else if (w === 'how' && (next === 'many' || next === 'much' || next === 'old')) kinds.add('quantity');
    // "how big are those data centers?", "how large is the team", "quelle taille": a measure.
    else if (w === 'how' && SIZES.has(next ?? '')) kinds.add('quantity');
    else if ((w === 'taille' || w === 'superficie') && WHICH.has(previous ?? '')) kinds.add('quantity');
    else if (w === 'combien' && next === 'de' && after === 'temps') kinds.add('duration');
    else if (w === 'combien' && !(previous === 'les' && words[i - 2] === 'tous')) kinds.add('quantity');
    else if ((w === 'number' || w === 'nombre') && previous === undefined && next !== undefined) kinds.add('quantity');
    else if ((w === 'number' && next === 'of') || (w === 'nombre' && (next === 'de' || next === 'd'))) {
      // "the number of users", not "the PIN number of my card".
      if (previous === undefined || COUNTING.has(previous)) kinds.add('quantity');
    } else if (w === 'quel' && next === 'age') kinds.add('quantity');
    else if (MONEY_WORDS.has(w) && !(w === 'fine' && previous !== 'a' && previous !== 'the')) kinds.add('money');
    // "how much TikTok pays Oracle": English "pays", with what is paid for; not French "pays" (a country),
    // after a determiner or last ("datacenters secours tiktok pays").
    else if (w === 'pays' && previous !== undefined && next !== undefined && !COUNTRY_DETERMINERS.has(previous))
      kinds.add('money');
    // "oracle's stock", "the stock price", "en bourse": a market value; not "do they stock it" (a verb).
    else if ((w === 'stock' || w === 'stocks') && !STOCKERS.has(previous ?? '')) kinds.add('money');
    // "the contract's value", "la valeur du contrat": a sum; "what value does it add" is not.
    else if ((w === 'value' || w === 'valeur') && words.some((x) => DEALS.has(x))) kinds.add('money');
    // Not LinkedIn as where something was posted ("un post LinkedIn", "a LinkedIn post").
    else if (BIOGRAPHY.has(w) && !(w === 'linkedin' && (POSTS.has(previous ?? '') || POSTS.has(next ?? ''))))
      kinds.add('biography');
    // "were the engineers fired?", "TikTok a-t-il été sanctionné ?", "any lawsuits?": a penalty on someone.
    // Not French "à court terme" (in the short term).
    else if (
      (SANCTIONS.has(w) && !(w === 'court' && (next === 'terme' || next === 'delai'))) ||
      ((w === 'challenge' || w === 'challenges') && previous === 'legal') ||
      // "contesté en justice", "devant quelle juridiction ?"
      (w === 'justice' && previous === 'en') ||
      w === 'juridiction' ||
      w === 'juridictions'
    )
      kinds.add('sanction');
    // "are the backups encrypted?", "encryption at rest", "ils sont chiffrés ?": how the data is protected,
    // which a fact gives only when it says so; not "les chiffres" (figures).
    else if (ENCRYPTION.has(w) || (w === 'chiffres' || w === 'chiffre' ? COPULAS.has(previous ?? '') : false))
      kinds.add('encryption');
    // "is it ISO 27001 certified?", "SOC 2", "FedRAMP", "certification HDS": a certification, given only when said.
    else if (certifies(w, next, previous, words[i - 2])) kinds.add('certification');
    // "will anyone independently verify it was deleted?", "vérifié de manière indépendante": an audit's finding.
    else if (
      (INDEPENDENT.has(w) && words.slice(i + 1, i + 3).some((x) => VERIFIED.has(x))) ||
      (VERIFIED.has(w) && words.slice(i + 1, i + 5).some((x) => INDEPENDENT.has(x)))
    )
      kinds.add('certification');
    // "what did CFIUS decide?", "has it approved the deal?", "la décision finale": what someone decided.
    // Not "TikTok's decision to route traffic", which names what was decided.
    else if (DECISIONS.has(w) && !(w.startsWith('decision') && next === 'to')) kinds.add('decision');
    // "has CFIUS signed off on it?": approved; not the asker's "before we sign off".
    else if (w === 'signed' && next === 'off') kinds.add('decision');
    // "qui a signé le contrat côté Oracle ?", "who signed the deal?": who committed to it, a decision.
    else if (SIGNED.has(w) && words.some((x) => AGREEMENTS.has(x))) kinds.add('decision');
    else if (w === 'chiffre' && next === 'd' && after === 'affaires') kinds.add('money');
    // "did it go through?", "did the sale ever go through in the end", "ça s'est fait finalement ?", "ça a
    // abouti ?": how it turned out. Not "does traffic go through Oracle", which names where it goes.
    else if (w === 'through' && THROUGH_VERBS.has(previous ?? '') && (next === undefined || AFTERWARDS.has(next)))
      kinds.add('outcome');
    else if (
      (w === 'fait' || w === 'faite') &&
      previous === 'est' &&
      words[i - 2] === 's' &&
      (next === undefined || AFTERWARDS.has(next))
    )
      kinds.add('outcome');
    // Not "… after the order failed to materialise", which says how it turned out.
    else if ((OUTCOMES.has(w) && previous !== 'to' && previous !== 'de') || (w === 'panned' && next === 'out'))
      kinds.add('outcome');
    // "resultat enquete cfius", "the result of the review": how an inquiry ended, which telling of it does not.
    else if (RESULTS.has(w) && words.some((x) => INQUIRIES.has(x))) kinds.add('outcome');
    // "a fini par interdire…", "did they end up banning it?", "did they delete it in the end?":
    // what happened in the end; not "where did the data end up", which asks where.
    else if (
      (w === 'end' && previous === 'the' && words[i - 2] === 'in') ||
      ((w === 'fini' || w === 'finit' || w === 'finir') && next === 'par') ||
      ((w === 'end' || w === 'ended' || w === 'ends') && next === 'up' && !words.includes('where'))
    )
      kinds.add('outcome');
    // "did it work?", "has that worked out?", "ça a marché ?": whether it succeeded; not "did it work with Oracle".
    else if (
      ((WORKED.has(w) && HAPPENED_WHAT.has(previous ?? '') && words.slice(0, i).some((x) => AUXILIARIES.has(x))) ||
        // "is it working?", "is that working out?": whether it succeeds.
        (w === 'working' && HAPPENED_WHAT.has(previous ?? '') && (words[i - 2] === 'is' || words[i - 2] === 's')) ||
        ((w === 'marche' || w === 'fonctionne') && (previous === 'a' || previous === 'ca') && words.includes('ca'))) &&
      (next === undefined || next === 'out' || AFTERWARDS.has(next))
    )
      kinds.add('outcome');
    // "did it happen?", "did that ever happen?", "ça a eu lieu ?": whether it came about; not "what happened".
    else if (
      w === 'happen' &&
      HAPPENED_WHAT.has(previous ?? '') &&
      words.slice(0, i).some((x) => x === 'did' || x === 'has' || x === 'will')
    )
      kinds.add('outcome');
    else if (w === 'lieu' && previous === 'eu' && words[i - 2] === 'a' && words[i - 3] === 'ca') kinds.add('outcome');
    // "and after that, what happened?", "et après, il s'est passé quoi ?", "what happened next?": what followed.
    // Not "what happened under the next administration?": "next" then names who came after.
    else if (
      (w === 'happened' || (w === 'passe' && previous === 'est')) &&
      words.some((x, j) => AFTER_THAT.has(x) && (x !== 'next' || j === words.length - 1 || j === i + 1))
    )
      kinds.add('outcome');
    // "the storage capacity", "la capacité de stockage": a size of data; not "the capacity to control".
    // "singapore backup storage size", "la taille des sauvegardes": a size of data too.
    else if (
      (w === 'capacity' && previous === 'storage') ||
      (w === 'capacite' && next === 'de' && after === 'stockage') ||
      // "singapore data center capacity", "capacité du datacenter": a site's size.
      // Not "the capacity to control the servers", "la capacité de contrôler les serveurs".
      ((w === 'capacity' || w === 'capacite') &&
        next !== 'to' &&
        !(next === 'de' && /(?:er|ir|re)$/.test(after ?? '')) &&
        words.some((x) => MACHINES.has(x) || x === 'center' || x === 'centre')) ||
      ((w === 'size' || w === 'taille') && words.some((x) => STORED_DATA.has(x))) ||
      // "how much data?": a size of data, which a share of traffic does not give ("how much of the data?"
      // asks that share).
      (w === 'much' && previous === 'how' && next !== 'of' && words.slice(i + 1, i + 4).some((x) => STORED_DATA.has(x)))
    ) {
      kinds.add('quantity');
      kinds.add('volume');
    } else if (
      QUANTITY_WORDS.has(w) ||
      // "what share", "what equity stake", "quelle participation".
      (SHARES.has(w) && (WHICH.has(previous ?? '') || WHICH.has(words[i - 2] ?? ''))) ||
      // "quelle part du capital ?": a share of it, not a part of an organisation.
      (w === 'part' && WHICH.has(previous ?? '') && words.slice(i + 1, i + 4).includes('capital'))
    ) {
      // "what share of the parent does the government hold?", "quelle part du capital ?": a figure too.
      kinds.add('quantity');
      // "how many terabytes?", "the total volume of data": a size in bytes, which a share does not give.
      if (DATA_SIZES.has(w)) kinds.add('volume');
    }
    // "is that all of it?", "or just some?", "ou juste une partie ?": how much of it, a share.
    // Not "or did Oracle take all of it?": what someone took, all of it, not how much.
    else if (w === 'all' && next === 'of' && (after === 'it' || after === 'them') && !TAKEN.has(previous ?? ''))
      kinds.add('quantity');
    else if (ONLY.has(w) && (next === 'some' || next === 'part' || (next === 'une' && after === 'partie')))
      kinds.add('quantity');
    else if (NAME_WORDS.has(w) && !(previous === 'au' && next === 'de')) kinds.add('name');
    else if (asksAddress(w, previous, next)) kinds.add('address');
    else if ((w === 'since' && next === 'when') || (w === 'depuis' && next === 'quand')) kinds.add('since');
    else if (w === 'when' && previous !== 'since' && (next === undefined || WHEN_ASKS.has(next))) kinds.add('date');
    // Not "quand un user utilise l'appli, ses données passent par qui ?": a clause of time, another word asking.
    else if (
      w === 'quand' &&
      previous !== 'depuis' &&
      asksWhen(previous, next) &&
      !(DETERMINERS_FR.has(next ?? '') && words.slice(i + 2).some((x) => ASKING.has(x) && x !== 'quand' && x !== 'ou'))
    )
      kinds.add('date');
    else if (
      (w === 'what' || w === 'which' || w === 'quelle') &&
      (next === 'year' || next === 'date' || next === 'annee')
    )
      kinds.add('date');
    // "the exact date", "la date exacte", "which day", "quel jour": a day, which a year does not give.
    if (
      ((w === 'date' || w === 'day' || w === 'jour') && (EXACT.has(previous ?? '') || EXACT.has(next ?? ''))) ||
      ((w === 'day' || w === 'jour') && WHICH.has(previous ?? ''))
    )
      kinds.add('day');
  });
  // "Who leads the unit?", "c qui le chef ?", "who founded ByteDance?": the person at its head, which a fact
  // naming the firm ("owned by ByteDance") does not give.
  // The head named soon after "who" ("qui est le PDG"), or before a "who" that ends the question ("le pdg de
  // bytedance c'est qui ?"): "my manager asked me who owns it" asks for no one's head.
  // Not "who runs those servers?", "qui gère l'infrastructure ?": which company operates a thing.
  if (
    words.some(
      (w, i) =>
        asksWho(words, i, starts) &&
        words.some(
          (l, j) =>
            // "c'est qui le président du CFIUS ?": the head of a body (not "President Trump").
            (LEADERS.has(l) || ((l === 'president' || l === 'presidente') && HEAD_OF.has(words[j + 1] ?? ''))) &&
            headOf(words, i, j) &&
            !words.slice(j + 1, j + 4).some((x) => MACHINES.has(x)),
        ),
    )
  )
    kinds.add('leader');
  // "Who are the experts?", "c'est qui les experts ?", "who leaked those recordings?", "who are they?",
  // "c'est qui eux ?": who someone is, by name; so "lesquels ?", "which ones?".
  else if (
    words.some(
      (w, i) =>
        asksWho(words, i, starts) &&
        ([words[i + 1], words[i + 2]].some((n) => DETERMINERS.has(n ?? '')) ||
          THEM.has(words[i + 1] ?? '') ||
          (BE.has(words[i + 1] ?? '') && THEM.has(words[i + 2] ?? ''))),
    ) ||
    words.some(
      (w, i) =>
        (WHICH_ONES.has(w) && !RELATIVE_AFTER.has(words[i - 1] ?? '')) || (w === 'which' && words[i + 1] === 'ones'),
    )
  )
    kinds.add('name');
  // Keywords opening on the head ("chef unité sécurité us", "ceo bytedance", "head of the new unit"): who it is.
  if (HEAD_NOUNS.has(words[opening] ?? '')) kinds.add('leader');
  // "how many US users", "combien d'utilisateurs", "the number of engineers", "combien de serveurs": a count
  // of people or things, which a share ("100% of the traffic") does not give.
  const counting = (w: string, i: number) =>
    (w === 'how' && words[i + 1] === 'many') || w === 'combien' || w === 'number' || w === 'nombre' || w === 'nb';
  if (
    kinds.has('quantity') &&
    words.some((w, i) => counting(w, i) && words.slice(i + 1, i + 8).some((x) => COUNTED.has(x)))
  ) {
    kinds.delete('quantity');
    kinds.add('headcount');
  }
  // "where did he work before TikTok?", "il a fait quoi avant ?": someone's career before; "how long has he
  // been at TikTok?", "is she still with the company?": their time in a job. (Not French "il est chez …",
  // where "il" is as often the traffic as a person.)
  if (
    (words.some((w) => PERSON_PRONOUNS.has(w)) &&
      ((words.some((w) => w === 'before' || w === 'avant') && words.some((w) => CAREER_VERBS.has(w))) ||
        words.some((w, i) => TENURE.some(([a, b]) => w === a && words[i + 1] === b)))) ||
    // "les employés enregistrés, ils sont toujours chez TikTok ?": people named, still in the job.
    (words.some((w) => PERSONS.has(w)) && words.some((w, i) => w === 'toujours' && words[i + 1] === 'chez'))
  )
    kinds.add('biography');
  // "did it actually convince Washington?", "ça a rassuré Washington ?": whether it worked.
  if (
    words.some(
      (w, i) =>
        PERSUADED.has(w) &&
        words.slice(0, i).some((x) => AUXILIARIES.has(x)) &&
        words.slice(0, i).some((x) => THE_ANSWER.has(x)),
    )
  )
    kinds.add('outcome');
  // "does it actually stop the Chinese government from seeing the data?", "ça empêche la Chine d'y accéder ?",
  // "so the chinese government can't get at it anymore?": whether it keeps someone from something, its effect.
  else if (
    words.some(
      (w, i) =>
        // The answer its subject, just before ("does it actually stop …"); not "reporting that questioned
        // whether US data was really kept away from China", a relative clause's "that".
        (PREVENTS.has(w) &&
          words.slice(Math.max(0, i - 3), i).some((x) => THE_ANSWER.has(x)) &&
          words.slice(i + 1).some((x) => x === 'from' || x === 'de' || x === 'd')) ||
        ((NO_LONGER_ABLE.has(w) || (w === 'can' && words[i + 1] === 't')) &&
          words.slice(i + 1).some((x) => x === 'anymore' || x === 'longer')) ||
        ((w === 'peut' || w === 'peuvent') && words[i - 1] === 'ne' && words[i + 1] === 'plus'),
    )
  )
    kinds.add('outcome');
  // "which other agencies, besides the Treasury…?", "quelles autres sociétés ?", "quels étaient, outre Oracle, les
  // autres acquéreurs ?": the names of others than the one named, which a fact names in a list or not at all.
  if (
    words.some(
      (w, i) =>
        (WHICH.has(w) &&
          (words.slice(i + 1, i + 3).some((x) => OTHERS.has(x)) ||
            (words.some((x) => BESIDES.has(x)) && words.slice(i + 1).some((x) => OTHERS.has(x))))) ||
        // "who else sits on it besides the Treasury?", "qui d'autre, à part le Trésor ?": others than the one
        // named (not "who else declined to comment?", which may ask the rest of a list just given).
        (((w === 'who' && words[i + 1] === 'else') ||
          (w === 'qui' && words[i + 1] === 'd' && words[i + 2] === 'autre')) &&
          words.some((x, j) => BESIDES.has(x) || (x === 'part' && words[j - 1] === 'a'))),
    )
  )
    kinds.add('others');
  // "which city are those servers in?", "dans quels États américains ?": a place finer than a country.
  // "in which Oracle cloud region …?": the place may come a few words after "which".
  // Not French "faire état de" (to report): "quel média a fait état de …"; nor a title ("which head of state",
  // "quel chef d'État", "the Secretary of State").
  const locality = (j: number) =>
    LOCALITIES.has(words[j] ?? '') &&
    !(words[j] === 'etat' && REPORTING.has(words[j - 1] ?? '')) &&
    !words.slice(Math.max(0, j - 3), j).some((w) => STATE_TITLES.has(w));
  if (words.some((w, i) => WHICH.has(w) && [1, 2, 3, 4].some((k) => locality(i + k)))) kinds.add('locality');
  // "which firms?", "which external consultancy firms?": their names; not "what did the employees say?".
  if (words.some((w, i) => WHICH.has(w) && namedAfter(words, i, (n) => PEOPLE.has(n) || FIRMS.has(n))))
    kinds.add('name');
  // "le journaliste de BuzzFeed qui a sorti l'article, c'est qui ?", "who is the reporter?": a person, by name.
  // In the same question when one message asks two ("who published that and what did the employees say?").
  const clause = clausesOf(words);
  if (
    words.some(
      (w, i) =>
        asksWho(words, i, starts) &&
        words.some(
          (p, j) =>
            clause[j] === clause[i] &&
            PEOPLE.has(p) &&
            p !== 'people' &&
            p !== 'personne' &&
            !topicOf(words, j) &&
            // Not the one who asks the asker: "a journalist asked me who owns TikTok".
            !words.slice(j + 1, j + 4).some((x) => ASKER_VERBS.has(x)),
        ),
    )
  )
    kinds.add('name');
  // "who leaked it?", "c qui qui a leak les enregistrements", "qui a fuité ?", "who recorded the meetings?":
  // the leaker, a person.
  if (
    words.some(
      (w, i) =>
        asksWho(words, i, starts) &&
        (LEAKED.has(words[i + 1] ?? '') ||
          (AUXILIARIES.has(words[i + 1] ?? '') && LEAKED.has(words[i + 2] ?? '')) ||
          // "qui a fait fuiter les enregistrements ?"
          (AUXILIARIES.has(words[i + 1] ?? '') && words[i + 2] === 'fait' && LEAKED.has(words[i + 3] ?? ''))),
    )
  )
    kinds.add('name').add('person');
  // "the article's author", "l'auteur de la fuite": a person, by name.
  if (words.some((w) => AUTHORS.has(w))) kinds.add('name');
  // "comment s'appelle l'unité", "ils s'appellent comment": what something is called.
  if (words.some((w) => CALLED.has(w))) kinds.add('name');
  // "what's it called?", "what is the committee called": what something is called.
  if (words.some((w, i) => w === 'called' && (i === words.length - 1 || words[i + 1] === 'again'))) kinds.add('name');
  // A name asked of people ("the engineers' names", "l'identité de la personne", "who is the journalist"):
  // a person's name, which a firm's ("BuzzFeed News") does not give.
  // Not people the question is about: "who broke the story about Chinese engineers?" asks who broke it.
  if (kinds.has('name') && words.some((w, j) => (PERSONS.has(w) || AUTHORS.has(w)) && !topicOf(words, j)))
    kinds.add('person');
  return kinds;
}

/** Whether the word at `j` is what something is about: "the story about Chinese engineers". */
function topicOf(words: readonly string[], j: number): boolean {
  return words.slice(Math.max(0, j - 3), j).some((w) => TOPIC.has(w));
}
const TOPIC: ReadonlySet<string> = new Set(['about', 'regarding', 'concerning', 'sur', 'concernant', 'sujet']);

/**
 * The kinds of answer a text gives: a figure other than a date, a length of time, a date, a frequency, a
 * street address. Read from a fact's answer; a fact also gives whatever kind its own example questions
 * ask for.
 */
/**
 * Whose reaction a question asks for, when it names them: "how did the Chinese government respond?", "Pékin
 * a réagi ?", "la réaction de la Maison Blanche": the names (as `isName` says of a word's index) before
 * the verb, or next to the noun. None when it names no one ("ils ont réagi ?", "which parties declined to
 * respond?").
 * A fact gives that reaction only if that party speaks in it (its claimant, or a party its own examples
 * ask to have said something): "the Chinese government" is in the routing answer, but not as a speaker.
 */
export function reactionParty(words: readonly string[], isName: (index: number) => boolean): string[] {
  const at = reactionAt(words);
  if (at >= 0) return partiesAround(words, at, isName);
  // "what do the Chinese think about it?", "qu'en pense Pékin ?": what a party named thinks, a reaction of
  // theirs (not the bot's opinion, which names no one).
  const thinks = words.findIndex((w) => THINK.has(w));
  return thinks < 0 ? [] : partiesAround(words, thinks, isName);
}

/** Whether a question asks for someone's reaction, named or not ("did they say anything to the press?"). */
export function asksReaction(words: readonly string[]): boolean {
  return reactionAt(words) >= 0;
}

/** Where a question asks for a reaction: the index of its verb or noun, or -1. */
function reactionAt(words: readonly string[]): number {
  // "did the Chinese embassy comment on it?": English "comment", after "did", "has"…; not French "comment on…".
  const commented = (w: string, i: number) => w === 'comment' && words.slice(0, i).some((x) => AUXILIARY_VERBS.has(x));
  // "did the Treasury say anything?", "et le Trésor, il a dit quoi ?": whether they said something; not "what
  // did TikTok's employees say according to BuzzFeed", which asks what was reported. "what did TikTok say
  // back?": what it answered.
  // Not "ça veut dire quoi, CFIUS ?": what a word means.
  const saidAnything = (w: string, i: number) =>
    SAY.has(w) &&
    !(w === 'dire' && MEAN.has(words[i - 1] ?? '')) &&
    (ANYTHING.has(words[i + 1] ?? '') ||
      words[i + 1] === 'back' ||
      // "did they have anything to say?", "ils ont quelque chose à dire ?"
      ((words[i - 1] === 'to' || words[i - 1] === 'a') &&
        words.slice(Math.max(0, i - 3), i - 1).some((x) => ANYTHING.has(x))));
  // "la position officielle du gouvernement chinois", "quelle position Biden a-t-il exprimée ?": a stance.
  const stance = (w: string, i: number) =>
    STANCES.has(w) && (OFFICIAL.has(words[i + 1] ?? '') || WHICH.has(words[i - 1] ?? ''));
  return words.findIndex(
    (w, i) => REACTIONS.has(w) || REACTION_NOUNS.has(w) || commented(w, i) || saidAnything(w, i) || stance(w, i),
  );
}

/** The parties named around the reaction asked at `at`. */
function partiesAround(words: readonly string[], at: number, isName: (index: number) => boolean): string[] {
  const named = (j: number) => isName(j) && !PARTY_SKIP.has(words[j]!);
  if (STANCES.has(words[at]!)) {
    // Whose: named after it ("position officielle du gouvernement chinois") or before the verb that
    // follows ("quelle position le président Biden a-t-il exprimée").
    // Not a name in a relative clause: "the administration that succeeded President Trump".
    for (let j = at + 1; j < Math.min(words.length, at + 7) && !RELATIVES.has(words[j]!); j++)
      if (named(j)) return [words[j]!];
    return [];
  }
  if (REACTION_NOUNS.has(words[at]!)) {
    // "White House response", then "la réaction de la Maison Blanche", "reaction pekin annonce oracle".
    // "TikTok's reaction": the possessive's "s" between.
    const before: string[] = [];
    for (let j = words[at - 1] === 's' ? at - 2 : at - 1; j >= 0 && named(j); j--) before.push(words[j]!);
    if (before.length > 0) return before;
    // "reponse gouvernement chinois buzzfeed": the party may follow a word of its own.
    for (let j = at + 1; j < Math.min(words.length, at + 4); j++) {
      if (named(j)) return [words[j]!];
      if (!OF.has(words[j]!) && (j > at + 1 || !PARTY_HEADS.has(words[j]!))) break;
    }
    return [];
  }
  // "how did the Chinese government respond", "et pekin il a repondu quoi", "est-ce qu'Oracle ou le
  // gouvernement américain ont réagi ?": every party named before the verb, in its clause.
  const parties: string[] = [];
  for (let j = at - 1; j >= Math.max(0, at - 8); j--) {
    // Not the asker's own answer: "je n'ai pas su répondre".
    if (ASKER.has(words[j]!)) return [];
    if (CLAUSE_OPENERS.has(words[j]!) && !COORDINATORS.has(words[j]!)) break;
    if (named(j)) parties.push(words[j]!);
  }
  // "et il a dit quoi sur tiktok, le trésor ?", "qu'a répondu la Maison Blanche ?": a pronoun or nothing
  // before the verb, the party named after it; not what it was asked about ("sur tiktok").
  if (parties.length === 0)
    for (let j = at + 1; j < words.length; j++)
      if (named(j) && !words.slice(Math.max(at + 1, j - 2), j).some((w) => TOPIC.has(w) || RESPONDED_TO.has(w)))
        parties.push(words[j]!);
  return parties;
}

/** What a reaction was to, or about: "respond to the Oracle news", "dit quoi sur TikTok". */
const RESPONDED_TO: ReadonlySet<string> = new Set(['to', 'on', 'a', 'au', 'aux', 'of', 'de', 'du', 'des']);
const STANCES: ReadonlySet<string> = new Set(['position', 'positions', 'stance']);
const RELATIVES: ReadonlySet<string> = new Set(['that', 'which', 'who', 'qui', 'que', 'dont']);
const OFFICIAL: ReadonlySet<string> = new Set(['officielle', 'officielles', 'official', 'publique', 'public']);

/** Words joining two parties: "Oracle ou le gouvernement", "the Chinese government or its embassy". */
const COORDINATORS: ReadonlySet<string> = new Set(['or', 'ou']);
const ASKER: ReadonlySet<string> = new Set(['i', 'we', 'je', 'j', 'nous', 'on']);

/** Verbs of reacting, folded: "respond", "réagi", "répondu". */
export const REACTIONS: ReadonlySet<string> = new Set(
  'respond responded responds react reacted reacts commented reagi reagir reagit reagissent repondu repondre repond exprime exprimee deny denied denies dementi dementir demente'.split(
    ' ',
  ),
);
const SAY: ReadonlySet<string> = new Set(['say', 'said', 'says', 'dit', 'dire']);
const THINK: ReadonlySet<string> = new Set(['think', 'thinks', 'thought', 'pense', 'pensent', 'penser']);
/** "veut dire", "voulait dire": means. */
const MEAN: ReadonlySet<string> = new Set(['veut', 'veulent', 'voulait', 'vouloir', 'voudrait']);
const ANYTHING: ReadonlySet<string> = new Set(['anything', 'something', 'quoi', 'quelque', 'rien']);
const REACTION_NOUNS: ReadonlySet<string> = new Set([
  'reaction',
  'reactions',
  'response',
  'responses',
  'reponse',
  'reponses',
]);
/** What a party is called before its name: "réponse (du) gouvernement chinois", "reaction of the Chinese embassy". */
const PARTY_HEADS: ReadonlySet<string> = new Set(
  'government gouvernement gouv govt authorities autorites embassy ambassade administration ministry ministere'.split(
    ' ',
  ),
);
const OF: ReadonlySet<string> = new Set(['of', 'from', 'the', 'de', 'du', 'des', 'la', 'le', 'l', 'd']);
/** Words a clause opens with: a party named before them is not the one reacting. */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(
  'how did does has have what whether if when why who and or but comment est ce que qu si et ou mais'.split(' '),
);
/** Names that say where or when, not who: "US", "June". */
const PARTY_SKIP: ReadonlySet<string> = new Set(['us', 'usa']);

/**
 * Whether a text names someone's position: a spokesperson, an employee or engineer, someone "of TikTok's
 * public policy division" (what "what's his role?" asks of an answer that quotes them).
 */
export function namesPosition(text: string): boolean {
  return POSITION_GIVEN.test(fold(text));
}

const POSITION_GIVEN =
  /\b(?:spokes(?:person|woman|man)|porte-parole|division|team|equipe|engineers?|ingenieurs?|employees?|employes?|staff|chairman|ceo|director|directeur|directrice|founder|fondateur|executive|head of|chef de|journalist|journaliste|reporter|author|auteur)\b/;

export function givenKinds(text: string): Set<AnswerKind> {
  const kinds = new Set<AnswerKind>();
  // A list of names ("Treasury, Defense, Justice and Commerce"): others than one of them.
  if (listsNames(text)) kinds.add('others');
  const lower = text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const withoutDates = lower
    .replace(/\b\d{1,2}(?:er)?\s+\p{L}+\s+(?:19|20)\d{2}\b/gu, ' ')
    .replace(/\b(?:19|20)\d{2}\b/g, ' ');
  // A share ("100% of US user traffic") is a figure, but no count of people or things.
  if (countsSomething(withoutDates)) kinds.add('headcount');
  if (/\d/.test(withoutDates)) kinds.add('quantity');
  if (CURRENCY.test(lower)) kinds.add('money');
  if (DATA_SIZE_GIVEN.test(lower)) kinds.add('volume');
  if (CONSEQUENCE_GIVEN.test(lower)) kinds.add('consequence');
  if (LEGALITY_GIVEN.test(lower)) kinds.add('legality');
  if (STATE_GIVEN.test(lower)) kinds.add('state');
  if (lower.split(/[^a-z]+/).some((w) => REVERSED.has(w))) kinds.add('reversal');
  if (CURRENT_GIVEN.test(lower)) kinds.add('current');
  if (/\b(?:19|20)\d{2}\b/.test(lower) || MONTH_OR_DAY.test(lower) || RELATIVE_DATE.test(lower)) kinds.add('date');
  if (TIME_UNIT.test(lower)) kinds.add('duration');
  if (FREQUENCY.test(lower)) kinds.add('frequency');
  if (STREET_ADDRESS.test(lower)) kinds.add('address');
  if (lower.split(/[^a-z]+/).some((w) => BIOGRAPHY.has(w))) kinds.add('biography');
  if (lower.split(/[^a-z]+/).some((w) => SANCTIONS.has(w) || SANCTIONS_GIVEN.has(w))) kinds.add('sanction');
  if (LEADER_GIVEN.test(lower)) kinds.add('leader');
  const plain = lower.split(/[^a-z0-9]+/);
  if (plain.some((w) => ENCRYPTION.has(w))) kinds.add('encryption');
  if (plain.some((w, i) => certifies(w, plain[i + 1]))) kinds.add('certification');
  if (lower.split(/[^a-z]+/).some((w) => DECISIONS.has(w) || DECIDED.has(w))) kinds.add('decision');
  if (/\b(?:city|cities|ville|villes|state of|etat de|region|province|county)\b/.test(lower)) kinds.add('locality');
  if (OUTCOME_GIVEN.test(lower)) kinds.add('outcome');
  if (DAY_OF_MONTH.test(lower) || WEEKDAY.test(lower)) kinds.add('day');
  // "It did not say when this would happen", "sans date": an answer to when, to the day.
  if (REASON_GIVEN.test(lower.replace(/["“”«»]/g, ' ').replace(/\s+/g, ' '))) kinds.add('reason');
  // Why it failed: a sentence saying it failed and why.
  if (lower.split(/[.;!?]/).some((sentence) => OUTCOME_GIVEN.test(sentence) && FAILURE_CAUSE.test(sentence)))
    kinds.add('failure');
  if (NO_DATE.test(lower)) {
    kinds.add('date');
    kinds.add('day');
    kinds.add('deadline');
  }
  if (DEADLINE_GIVEN.test(lower)) kinds.add('deadline');
  if (FUTURE_GIVEN.test(lower)) kinds.add('future');
  return kinds;
}

/** Whether a text gives a figure that is not a share ("100% of the traffic"): a count of something. */
function countsSomething(text: string): boolean {
  for (const match of text.matchAll(/\d[\d.,]*/g)) {
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 10).trimStart();
    if (!/^(?:%|percent|pour ?cent)/.test(after)) return true;
  }
  return false;
}

/** Whether a fact that gives these kinds answers a question asking for this one. */
export function answersKind(given: ReadonlySet<AnswerKind>, asked: AskedKind): boolean {
  // "Since when" is answered by how long ("for more than a year") or by when it started ("since May"), and
  // "when" by a date or a delay ("within two weeks"); "how long" only by a length of time.
  if (asked === 'since' || asked === 'date') return given.has('duration') || given.has('date');
  return given.has(asked);
}

const WHO: ReadonlySet<string> = new Set(['who', 'whos', 'qui']);
/** Whether the leader word at j is what "who" at i asks for. */
function headOf(words: readonly string[], i: number, j: number): boolean {
  // "qui est la personne à la tête de l'unité ?": a little further when "the person" comes between.
  const reach = words.slice(i + 1, j).some((w) => w === 'personne' || w === 'person') ? 6 : 4;
  return j > i ? j - i <= reach : i >= words.length - 2 && i - j <= 6;
}

/** Someone asking the asker: "a journalist asked me…", "un journaliste m'a demandé…", "my manager wants…". */
const ASKER_VERBS: ReadonlySet<string> = new Set(
  'asked asks asking wants wanted wonders wondered wondering emailed pinged demande demandait demandent veut veulent voulait souhaite aimerait'.split(
    ' ',
  ),
);

/** "Who" asking for someone: not the relative "ce qui" ("qu'est-ce qui s'est passé", "ce qui change"). */
function asksWho(words: readonly string[], i: number, starts: ReadonlySet<number>): boolean {
  if (!WHO.has(words[i]!) || words[i - 1] === 'ce') return false;
  // French "qui" after a noun opens a relative clause ("des réunions de TikTok qui auraient fuité"); it asks
  // who where a sentence starts (`starts`: "Pour une présentation : qui est …"), after "c'est", a
  // preposition ("par qui") or a verb of knowing or saying ("on sait qui").
  // "la personne qui a enregistré les réunions" asks that person.
  return words[i] !== 'qui' || starts.has(i) || BEFORE_QUI.has(words[i - 1]!) || PEOPLE.has(words[i - 1]!);
}
const BEFORE_QUI: ReadonlySet<string> = new Set(
  `c est sont etait etaient ete et ou mais donc alors ok bon bref par de d pour avec chez a selon sais sait savez
  savoir savait dire dit dis demande demander demandait voir vois qui quoi`.split(/\s+/),
);
/** The words that introduce what "who" asks about: "who are the experts", "c'est qui les experts". */
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'those', 'these', 'le', 'la', 'les', 'ces']);
/** People pointed at: "who are they?", "c'est qui eux ?", "qui sont-ils ?". */
const THEM: ReadonlySet<string> = new Set(['they', 'them', 'eux', 'ils', 'elles']);
const BE: ReadonlySet<string> = new Set(['are', 're', 'were', 'is', 'was', 'sont', 'etaient', 'est']);
/** "selon lesquels", "dans laquelle": a relative clause, no question. */
const RELATIVE_AFTER: ReadonlySet<string> = new Set(
  'selon dans pour par avec sur sous parmi chez entre vers apres avant contre sans'.split(' '),
);
const WHICH_ONES: ReadonlySet<string> = new Set(['lesquels', 'lesquelles', 'laquelle', 'lequel']);
const WHICH: ReadonlySet<string> = new Set(['which', 'what', 'quel', 'quelle', 'quels', 'quelles']);

/** Machines and sites, counted ("combien de serveurs") or run ("who runs those servers?"). */
const SITES: readonly string[] = 'servers serveurs machines centers centres datacenters'.split(' ');
/** Things a company operates, not a body a person heads: "who runs those servers?". */
const MACHINES: ReadonlySet<string> = new Set([
  ...SITES,
  ...`server serveur datacenter infrastructure infra cloud systems systemes network networks reseau reseaux
  hosting hebergement platform plateforme`.split(/\s+/),
]);

/** Who leads, heads or runs something: asked with "who", a person's name is the answer. */
const LEADERS: ReadonlySet<string> = new Set(
  `lead leads leading leader head heads heading headed runs running charge manages manager director directs boss ceo cto ciso
  chef tete dirige dirigeait diriger dirigeant directeur directrice patron responsable pdg founded founder founders
  cofounder fonde fondee fondateur fondateurs fondatrice chair chairs chaired chairman chairwoman preside
  presides presided presiding presidait presidee appointed nomme nommee`.split(/\s+/),
);

/** The person at the head of something, named by a noun. */
const HEAD_OF: ReadonlySet<string> = new Set(['of', 'du', 'de', 'des']);
const HEAD_NOUNS: ReadonlySet<string> = new Set(
  'head leader boss ceo cto ciso director chair chairman chairwoman chef patron pdg directeur directrice dirigeant responsable'.split(
    ' ',
  ),
);

/** Firms asked for by "which …": "which firms?" wants their names. */
const FIRMS: ReadonlySet<string> = new Set(
  'firm firms company companies vendor vendors consultancy consultancies boite boites societe societes cabinet cabinets committee comite agency agence'.split(
    ' ',
  ),
);

const LEAKED: ReadonlySet<string> = new Set([
  'leak',
  'leaked',
  'leaks',
  'fuite',
  'fuiter',
  'divulgue',
  'recorded',
  'enregistre',
]);
const AUXILIARIES: ReadonlySet<string> = new Set(['a', 'has', 'had', 'did', 'have', 'avait']);
/** Who wrote or leaked something: asked for, a person's name. */
const AUTHORS: ReadonlySet<string> = new Set(
  'author authors auteur auteurs auteure autrice writer leaker leakers whistleblower whistleblowers'.split(' '),
);
/** People a name may be asked of: "the engineers' names", "ils s'appellent comment, ces ingénieurs ?". */
const PERSONS: ReadonlySet<string> = new Set(
  `person persons people personne personnes journalist journalists journaliste journalistes reporter reporters
  engineer engineers ingenieur ingenieurs employee employees employe employes salarie salaries individual
  individuals individu individus spokesperson spokesman spokeswoman porte parole insider insiders`.split(/\s+/),
);

const CALLED: ReadonlySet<string> = new Set(['appelle', 'appellent', 'appelait', 'appelaient', 'surnomme']);

/** People asked for by "which …" / "quel …": "which journalist", "quel porte-parole" asks for a name. */
const PEOPLE: ReadonlySet<string> = new Set(
  `journalist journalists reporter reporters person people spokesperson spokesman spokeswoman employee employees
  official officials executive executives journaliste journalistes personne personnes employe employes salarie
  responsable responsables dirigeant dirigeants individual individuals individu individus officer officers`.split(
    /\s+/,
  ),
);

/** Words that ask for a name ("what's the name of…", "son nom", "can you name…"); not "au nom de". */
const NAME_WORDS: ReadonlySet<string> = new Set([
  'name',
  'names',
  'named',
  'nom',
  'noms',
  'nommer',
  'designation',
  'denomination',
  'appellation',
  'identity',
  'identities',
  'identite',
  'identites',
]);

/**
 * A postal address asked for: "the address of…", "office address", "l'adresse exacte"; not an IP, e-mail
 * or web address ("adresse IP", "email address"), nor the verbs ("to address concerns", "s'adresse à").
 */
function asksAddress(w: string, previous = '', next = ''): boolean {
  if (NOT_POSTAL.has(previous) || NOT_POSTAL.has(next)) return false;
  if (w === 'adresse' || w === 'adresses') return !FRENCH_VERB_BEFORE.has(previous);
  if (w !== 'address' && w !== 'addresses') return false;
  return next === 'of' || !(ENGLISH_VERB_BEFORE.has(previous) || ENGLISH_OBJECT_AFTER.has(next));
}

const NOT_POSTAL: ReadonlySet<string> = new Set([
  'ip',
  'email',
  'mail',
  'e',
  'web',
  'mac',
  'url',
  'courriel',
  'memoire',
]);
/** "did TikTok address the concerns": the verb, with its object after it. */
const ENGLISH_OBJECT_AFTER: ReadonlySet<string> = new Set(
  'the these those this that its their his her our any all some concerns concern issues issue questions risks fears us data privacy security national government regulators'.split(
    ' ',
  ),
);
const FRENCH_VERB_BEFORE: ReadonlySet<string> = new Set([
  's',
  'se',
  'm',
  'me',
  't',
  'te',
  'on',
  'il',
  'elle',
  'je',
  'ils',
]);
const ENGLISH_VERB_BEFORE: ReadonlySet<string> = new Set([
  '',
  'to',
  'and',
  'or',
  'will',
  'would',
  'could',
  'should',
  'can',
  'did',
  'does',
  'do',
  'not',
  'we',
  'they',
  'it',
  'i',
  'you',
  'must',
  'also',
]);

/**
 * Whether "which" at i is followed by a word that `is` names, next to it or after a word or two that
 * qualify it ("which external consultancy firms"), no verb between ("what did the employees say").
 */
function namedAfter(words: readonly string[], i: number, is: (word: string) => boolean): boolean {
  if (is(words[i + 1] ?? '')) return true;
  if (words[i] === 'what') return false;
  const copula = words[i + 1] === 'est' || words[i + 1] === 'is';
  for (let j = i + 2; j <= i + 3 && j < words.length; j++) {
    // Not "which firms did they hire" read past "did"; but "quel est le comité…" asks which one.
    if (VERBS_BETWEEN.has(words[j - 1]!) && !(words[j - 1] === 'est' && j === i + 2)) return false;
    // Nor "quelle structure la société a-t-elle créée ?" read past "la": the firm is who created it.
    if (!copula && j > i + 2 && ARTICLES.has(words[j - 1]!)) return false;
    if (is(words[j]!)) return true;
  }
  return false;
}
const ARTICLES: ReadonlySet<string> = new Set('the a an la le les l un une des du'.split(' '));
const VERBS_BETWEEN: ReadonlySet<string> = new Set(
  'did do does is are was were has have had will would can could a ont est sont etait etaient'.split(' '),
);
/** Which of the questions a message asks each word belongs to: a new one opens at "and what…", "et qui…". */
function clausesOf(words: readonly string[]): number[] {
  let at = 0;
  return words.map((w, i) => (i > 0 && (w === 'and' || w === 'et') && ASKING.has(words[i + 1] ?? '') ? ++at : at));
}
const ASKING: ReadonlySet<string> = new Set(
  'what who whom where when why how which quoi qui ou quand pourquoi comment quel quelle quels quelles'.split(' '),
);
/** Doing a job: "where did he work before?", "il faisait quoi avant ?". */
const CAREER_VERBS: ReadonlySet<string> = new Set(
  'work worked working job fait faisait travaille travaillait bosse bossait'.split(' '),
);
/** Being in a job: "been at", "still with". */
const TENURE: readonly (readonly [string, string])[] = [
  ['been', 'at'],
  ['been', 'with'],
  ['still', 'with'],
  ['still', 'at'],
];
/** Someone, pointed at: "he", "she", "il", "elle". */
const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'his', 'her', 'il', 'elle']);
/**
 * A person's own story: where they were born or studied, their career before, their family. A fact that
 * names someone ("said Albert Calamug, of TikTok's public policy division") says none of it.
 */
const BIOGRAPHY: ReadonlySet<string> = new Set(
  `born birthplace birthday childhood grew school schools studied university college diploma alma career
  cv linkedin married wife husband hometown biography naissance natal natale enfance ecole ecoles etudie
  universite diplome diplomes carriere parcours mariee epouse biographie`.split(/\s+/),
);

/** What is posted on a network: "a LinkedIn post", "un post LinkedIn". */
const POSTS: ReadonlySet<string> = new Set(['post', 'posts', 'article', 'articles', 'publication', 'publications']);

/**
 * A penalty on someone, asked: dismissed from a job, punished, fined, sued or prosecuted ("were those engineers
 * fired?", "ont-ils été sanctionnés ?", "any lawsuit?"). Not "poursuivi" (also "continued": "a poursuivi
 * l'examen"), "renvoyé" (sent back) or "viré" (also moved or deleted).
 */
const SANCTIONS: ReadonlySet<string> = new Set(
  `fire fired sacked discipline disciplined disciplinary punish punished punishment punishments penalise penalised penalize penalized
  penalty penalties sanction sanctions sanctioned prosecute prosecuted prosecution sue sued suing lawsuit lawsuits indicted
  convicted fined banned ban bans banning interdit interdite interdire interdiction licencie licencies licenciee licenciees licenciement licenciements sanctionne sanctionnes
  sanctionnee sanctionnees sanctionner puni punis punie punies punir punition condamne condamnes condamnee
  condamnees condamnation poursuites court courts judge judges litigation tribunal tribunaux juge juges
  contentieux bloquer bloque bloquee bloques vire vires viree virees renvoye renvoyes renvoyee limoge limoges limogee limogeage layoffs`.split(
    /\s+/,
  ),
);
const OTHERS: ReadonlySet<string> = new Set(['other', 'others', 'autre', 'autres']);
/** Whether a text lists names: two capitalised words in a row, each followed by a comma ("Treasury, Defense, …"). */
function listsNames(text: string): boolean {
  let run = 0;
  for (const word of text.split(/\s+/)) {
    run = /^\p{Lu}[\p{L}-]*,$/u.test(word) ? run + 1 : 0;
    if (run >= 2) return true;
  }
  return false;
}
const BESIDES: ReadonlySet<string> = new Set(['besides', 'outre', 'apart', 'except', 'excepte', 'hormis']);

/** Encryption, asked or given: "encrypted", "encryption", "chiffrement", "cryptées". */
const ENCRYPTION: ReadonlySet<string> = new Set(
  `encrypt encrypts encrypted encrypting encryption decrypt decrypted decryption cipher ciphered chiffrement chiffrer
  chiffree chiffrees dechiffrer dechiffrement crypter crypte cryptes cryptee cryptees cryptage`.split(/\s+/),
);
/** A certification or its standard: "certified", "certificaton", "accreditation", "ISO 27001", "SOC 2", "FedRAMP". */
const INDEPENDENT: ReadonlySet<string> = new Set(
  'independently independent independant independante independamment independants'.split(' '),
);
const VERIFIED: ReadonlySet<string> = new Set(
  'verify verified verifies verification verifier verifie verifiee verifiees verifiera verifieront verifierait check checked'.split(
    ' ',
  ),
);

/** Before "audit" as a verb or an auditor's finding: "will Oracle audit it?", "an external audit". */
const AUDITING: ReadonlySet<string> = new Set(
  'will would did does do can could should external independent outside externe externes independant'.split(' '),
);

function certifies(word: string, next: string | undefined, previous?: string, before?: string): boolean {
  return (
    ((word === 'audit' || word === 'audits') &&
      (AUDITING.has(previous ?? '') ||
        AUDITING.has(before ?? '') ||
        next === 'externe' ||
        next === 'independant' ||
        next === 'independent')) ||
    word.startsWith('certif') ||
    word.startsWith('accredit') ||
    word === 'fedramp' ||
    // "has anyone independently audited it?": a finding by an auditor (not "our audit", which frames).
    word === 'audited' ||
    word === 'audite' ||
    word === 'auditee' ||
    word === 'secnumcloud' ||
    (word === 'iso' && /^\d{4,5}$/.test(next ?? '')) ||
    (word === 'soc' && /^[123]$/.test(next ?? ''))
  );
}
/** "sont chiffrés", "est chiffré": encrypted, where "chiffres" alone is figures. */
const COPULAS: ReadonlySet<string> = new Set(['est', 'sont', 'etre', 'soient', 'etait', 'etaient', 'seront', 'sera']);
/** A text telling of a penalty: "was fined", "faced a lawsuit", "une amende". */
const SANCTIONS_GIVEN: ReadonlySet<string> = new Set(['fine', 'fines', 'amende', 'amendes', 'court', 'tribunal']);

/** What is planned: asked by a change and a word of the future, or "stay like this", "à terme"; given by a plan. */
const CHANGES: ReadonlySet<string> = new Set([
  'change',
  'changer',
  'changes',
  'changing',
  'change',
  'evolve',
  'evoluer',
  // "is that supposed to stop at some point?", "will they stop using their own centers?"
  'stop',
  'cesser',
  'arreter',
  // "are those going away at some point?", "ils vont les garder longtemps ?", "will they keep them forever?"
  'away',
  'disappear',
  'disparaitre',
  'longtemps',
  // "et ça va durer ?"
  'durer',
  // "when will the Singapore data center close?", "ils vont fermer le centre ?"
  'close',
  'shut',
  'fermer',
  'forever',
  'indefinitely',
  'indefiniment',
  // "do they plan to get rid of their own copies?", "will they delete them?", "ils vont les supprimer ?"
  'rid',
  'delete',
  'erase',
  'wipe',
  'supprimer',
  'effacer',
]);
const FUTURE_MARKERS: ReadonlySet<string> = new Set(
  'supposed going gonna will va vont prevu prevue planned plan plans planning intend intends compte comptent'.split(
    ' ',
  ),
);
/** Once more: "again", "this time", "cette fois", "à nouveau", "de nouveau", "next time". */
const REPEATED = / (?:again|this time|next time|cette fois|a nouveau|de nouveau|prochaine fois) /;
// Not "menée à terme" (carried through), which asks how it turned out.
const FUTURE_ASKED =
  / (?:rester|restera) comme (?:ca|cela) | stay (?:like this|like that|that way|this way) |(?<!mene|menee|mener|arrive|arrivee) a terme /;
const FUTURE_GIVEN =
  /\b(?:plans?|planned|planning|intends?|eventually|prevoit|projette|a terme|a l avenir|future|futur)\b/;

/** A date by which something must be done. */
const DEADLINES: ReadonlySet<string> = new Set(
  // "When does the Oracle contract expire?": when it ends, a date by which.
  'deadline deadlines echeance echeances expire expires expiry expiration expirer expirera'.split(' '),
);
const DEADLINE_GIVEN =
  /\b(?:deadline|date limite|date butoir|echeance|no later than|au plus tard|within \d+|d'ici (?:le|au|a la|fin))\b/;

/** What would follow, asked and given. */
const HAPPENS: ReadonlySet<string> = new Set(['happens', 'happen', 'passe', 'passerait', 'arrive', 'arriverait']);
const CONSEQUENCES: ReadonlySet<string> = new Set(['consequence', 'consequences']);
const CONSEQUENCE_GIVEN = /\b(?:consequen\w*|otherwise|sinon|faute de quoi|would (?:face|lose|have to))\b/;
/** Whether something is legal, asked after "is", "c'est"; given by a text that says so. */
const LEGALITY: ReadonlySet<string> = new Set(
  'legal illegal lawful unlawful legale legales illegale illegales licite illicite'.split(' '),
);
const PERMITTED: ReadonlySet<string> = new Set(
  'allowed permitted authorised authorized autorise autorisee autorises autorisees'.split(' '),
);
const IS: ReadonlySet<string> = new Set(['is', 'isn', 'was', 'are', 'est', 'sont', 'etait']);
const LEGALITY_GIVEN = /\b(?:legal|illegal|lawful|unlawful|legally|licite|illicite|legale?s?|illegale?s?|legalement)\b/;

const THE: ReadonlySet<string> = new Set(['the', 'la', 'le', 'les']);
/** A reason, by its noun: "pour quelle raison", "for what reason", "the reason". */
const REASONS: ReadonlySet<string> = new Set(
  'reason reasons grounds concern concerns raison raisons motif motifs'.split(' '),
);
/** Whose: "his concern", "leurs raisons". */
const THEIR: ReadonlySet<string> = new Set('his her their its son sa ses leur leurs'.split(' '));

/** Words asking what was decided, approved or ruled; given by a text that says so (or that someone ordered it). */
const DECISIONS: ReadonlySet<string> = new Set(
  `decide decided decides decision decisions approve approved approves approval ruled ruling verdict determination
  decider decide decidee decidees decision decisions approuve approuvee approuver approbation valide validee
  valider`.split(/\s+/),
);
const SIGNED: ReadonlySet<string> = new Set(
  'signed sign signs signing signe signee signes signer signature signataire signataires signatory'.split(' '),
);
const AGREEMENTS: ReadonlySet<string> = new Set(
  'contract contracts deal agreement contrat contrats accord accords'.split(' '),
);
const DECIDED: ReadonlySet<string> = new Set(['ordered', 'order', 'orders', 'ordonne', 'ordonnee', 'ordre']);

/** How something turned out, asked: "did it go through", "materialise", "aboutir". */
const THROUGH_VERBS: ReadonlySet<string> = new Set([
  'go',
  'goes',
  'went',
  'gone',
  'going',
  'get',
  'got',
  'come',
  'came',
]);
const AFTERWARDS: ReadonlySet<string> = new Set([
  'in',
  'or',
  'at',
  'eventually',
  'finally',
  'ultimately',
  'finalement',
  'enfin',
  'au',
  'ou',
]);
const OUTCOMES: ReadonlySet<string> = new Set(
  `outcome concluded finalized finalised materialize materialise materialized materialised materializing materialising concretise concretisee
  concretises concretisees concretiser aboutir abouti aboutie aboutis`.split(/\s+/),
);
const RESULTS: ReadonlySet<string> = new Set(['result', 'results', 'resultat', 'resultats', 'verdict']);
const INQUIRIES: ReadonlySet<string> = new Set(
  'review reviews enquete enquetes investigation investigations inquiry probe examen examens'.split(' '),
);
/** How something turned out, in a text: "it never materialised", "ne s'est jamais concrétisé", "fell through". */
const OUTCOME_GIVEN =
  /\b(?:materiali[sz]ed|concretisee?s?|went through|fell through|collapsed|abandoned|aboutie?s?|echoue|failed|completed|finali[sz]ed)\b/;

/** Places finer than a country: "which city", "quelle ville", "quels États", "which region". */
const REPORTING: ReadonlySet<string> = new Set(['fait', 'faire', 'font', 'faisait', 'faisaient']);
/** A state named as an office, not a place: "head of state", "chef d'État", "Secretary of State", "coup d'État". */
const STATE_TITLES: ReadonlySet<string> = new Set(['head', 'heads', 'secretary', 'chef', 'chefs', 'coup']);
const LOCALITIES: ReadonlySet<string> = new Set(
  'city cities town towns state states region regions county province ville villes etat etats region regions province'.split(
    ' ',
  ),
);

const PERIODS: ReadonlySet<string> = new Set(['period', 'duration', 'length', 'periode', 'duree', 'timeframe']);
/** People, accounts and things counted: "how many users", "combien d'ingénieurs", "combien de serveurs". */
const COUNTED: ReadonlySet<string> = new Set([
  ...SITES,
  ...`users user people persons employees staff engineers americans accounts customers subscribers
  utilisateurs utilisateur personnes gens employes salaries ingenieurs americains comptes clients abonnes
  sites copies backups sauvegardes`.split(/\s+/),
]);
const OPENERS: ReadonlySet<string> = new Set(['and', 'so', 'ok', 'okay', 'but', 'et', 'mais', 'donc', 'alors']);
/** Having a part in something: "why would the Treasury even be involved?" asks a role, not a reason. */
export const INVOLVED: ReadonlySet<string> = new Set([
  'involved',
  'implique',
  'impliquee',
  'impliques',
  'mele',
  'melee',
  // "pourquoi le Trésor serait-il concerné ?": has a part in it (in English, "concerned" is worried).
  'concerne',
  'concernee',
  'concernes',
  'concernees',
  // "why does it come up in the TikTok story?", "why is the Treasury even relevant here?": its part in it.
  'relevant',
  'pertinent',
  'mentioned',
  'coming',
  'comes',
  'come',
  // "why does the Treasury matter here?"
  'matter',
  'matters',
]);
const THAT_IS: ReadonlySet<string> = new Set(['that', 's', 'thats', 'is', 'est', 'voila', 'explains']);
const AUXILIARY_VERBS: ReadonlySet<string> = new Set(
  'did does do is are was were has have had would could should will'.split(' '),
);
const NEGATED: ReadonlySet<string> = new Set(['not', 'no', 'never', 'didn', 'didnt', 'pas', 'jamais']);
const AFTER_THAT: ReadonlySet<string> = new Set(['after', 'afterwards', 'next', 'then', 'apres', 'ensuite', 'suite']);
const HAPPENED_WHAT: ReadonlySet<string> = new Set(['it', 'that', 'this', 'ever', 'actually', 'really']);
const WORKED: ReadonlySet<string> = new Set(['work', 'worked', 'succeed', 'succeeded']);
/** What a size of data is asked of: "backup storage size", "la taille des sauvegardes". */
const STORED_DATA: ReadonlySet<string> = new Set(
  'storage stockage data donnees backup backups sauvegarde sauvegardes copies archive archives'.split(' '),
);
/** What the answer is about, pointed at: "did it convince …?", "does that stop …?", "ça empêche …?". */
const THE_ANSWER: ReadonlySet<string> = new Set(['it', 'that', 'this', 'ca', 'cela']);
const PERSUADED: ReadonlySet<string> = new Set(
  'convince convinced persuade persuaded reassure reassured convaincu convaincre rassure rassurer'.split(' '),
);
/** Keeping someone from something: "stop … from", "prevent … from", "empêcher … de". */
const PREVENTS: ReadonlySet<string> = new Set(
  'stop stops stopped prevent prevents prevented keep keeps kept block blocks blocked empeche empechent empecher'.split(
    ' ',
  ),
);
/** Not able: "can't … anymore" ("can" and "t" when written with an apostrophe), "cannot … any longer". */
const NO_LONGER_ABLE: ReadonlySet<string> = new Set(['cant', 'cannot', 'couldnt']);
const ONLY: ReadonlySet<string> = new Set(['just', 'only', 'juste', 'seulement']);
const SIZES: ReadonlySet<string> = new Set(['big', 'large', 'huge', 'tall', 'heavy', 'wide']);

/** A size of data asked for: "how many terabytes?", "the volume of data". */
const DATA_SIZES: ReadonlySet<string> = new Set(
  'volume gigabytes terabytes petabytes gigaoctets teraoctets petaoctets'.split(' '),
);
/** A size of data given: "12 TB", "3 petabytes", "40 To". */
const DATA_SIZE_GIVEN =
  /\b\d+(?:[.,]\d+)?\s*(?:[kmgtpe]b|[kmgtpe]o|(?:kilo|mega|giga|tera|peta|exa)(?:bytes?|octets?))\b/;

/** Verbs of taking or holding before "all of it": "did Oracle take all of it?" asks who has it. */
const TAKEN: ReadonlySet<string> = new Set(
  'take took taken takes get got gets have has had hold holds held keep keeps kept move moved moves'.split(' '),
);

/** A part of a whole, asked with "what"/"quelle": "what share", "what stake", "quelle proportion" (not "which part of TikTok", a division). */
const SHARES: ReadonlySet<string> = new Set('share shares stake stakes proportion percent participation'.split(' '));
const QUANTITY_WORDS: ReadonlySet<string> = new Set(
  `nb percentage pourcentage amount volume gigabytes terabytes petabytes gigaoctets teraoctets petaoctets
  headcount effectifs`.split(/\s+/),
);

/**
 * Words asking for a sum of money ("the price", "how much is TikTok paying", "le montant", "combien ça
 * coûte", "a fine", "Oracle's revenue"): a figure that is not a sum ("100% of the traffic") does not answer.
 */
const MONEY_WORDS: ReadonlySet<string> = new Set(
  `price prices pricing prix cost costs costing coute coutent cout couts pay paying paid payer paye payes payent paie paient paies payons payez payment
  facture factures facturer facturent billed billing bills charging charges
  payments paiement revenue revenues valuation valorisation fee fees frais fine fines
  amende amendes montant montants tarif tarifs budget dollar dollars euro euros bourse shareholders actionnaires
  dividend dividends dividende dividendes worth`.split(/\s+/),
);

/** Words before French "pays" (country): "le pays", "quel pays", "de pays", "un pays tiers". */
const COUNTRY_DETERMINERS: ReadonlySet<string> = new Set(
  'le la les du de des d l quel quels ce ces cet un son ses leur leurs notre nos mon ma au aux en autre autres meme chaque tout tous plusieurs divers certains'.split(
    ' ',
  ),
);

/** Who may stock something, "stock" then being a verb ("do they stock it there?"). */
const STOCKERS: ReadonlySet<string> = new Set(['they', 'we', 'you', 'i', 'to', 'still', 'also']);

/** What has a value in money: "the contract's value", "la valeur de l'accord". */
const DEALS: ReadonlySet<string> = new Set([
  'contract',
  'contrat',
  'contractual',
  'contractuelle',
  'agreement',
  'arrangement',
  'deal',
  'accord',
  'transaction',
  'market',
  'marche',
]);

/** A sum of money in a text: a currency sign or name, or a figure in millions or billions of one. */
const CURRENCY = /[$€£¥]|\b(?:usd|eur|gbp|dollars?|euros?|livres sterling)\b/;

/** "quand" asks at the end, after "c'est"/"pour"…, before "est-ce", or opening a question not "quand il…". */
function asksWhen(previous: string | undefined, next: string | undefined): boolean {
  // "quand même", "qd même": even so, no time.
  if (next === 'meme') return false;
  if (next === undefined || next === 'est' || (previous !== undefined && QUAND_ASKS.has(previous))) return true;
  return previous === undefined && !SUBJECT_PRONOUNS.has(next);
}

const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles']);
const DETERMINERS_FR: ReadonlySet<string> = new Set(
  'un une le la les l des mon ma mes nos notre votre vos ce cet cette ces'.split(' '),
);

/** Words before "number of" / "nombre de" when it counts something. */
const COUNTING: ReadonlySet<string> = new Set([
  'the',
  'a',
  'total',
  'exact',
  'precise',
  'approximate',
  'estimated',
  'actual',
  'current',
  'overall',
  'what',
  'whats',
  'le',
  'un',
  'quel',
  'grand',
]);

/** "when" opening a question: "when did…", "when is…", "…but when?". Elsewhere it joins clauses. */
const WHEN_ASKS: ReadonlySet<string> = new Set([
  'did',
  'does',
  'do',
  'is',
  'was',
  'were',
  'will',
  'are',
  'has',
  'have',
  'would',
  'could',
  'should',
  'exactly',
]);

/** "quand" asking rather than joining: "c'est quand", "c'était quand", "pour quand", "à quand", "quand est-ce". */
const QUAND_ASKS: ReadonlySet<string> = new Set(['c', 'est', 'etait', 'pour', 'a', 'jusqu']);

const EXACT: ReadonlySet<string> = new Set([
  'exact',
  'exacte',
  'exactly',
  'exactement',
  'precise',
  'precis',
  'precisely',
  'specific',
]);
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre';
/** A day of the month: "17 June 2022", "le 1er mai", "June 17". */
const DAY_OF_MONTH = new RegExp(`\\b\\d{1,2}(?:er|st|nd|rd|th)? (?:${MONTHS})\\b|\\b(?:${MONTHS}) \\d{1,2}\\b`);
/** Why, in a text: a cause or an aim ("because he feared…", "the aim is to convince…", "afin de…"). */
const REASON_GIVEN =
  /\b(?:because|in order to|so as to|so that|the aim|aims? to|aimed|to convince|to reassure|to protect|to help|to better|to provide|feared|fearing|for fear|out of concern|complicat\w*|parce que|car|afin de|dans le but|le but|pour convaincre|pour rassurer|pour proteger|pour aider|pour mieux|pour fournir|craignait|craignant|par crainte|compliqu\w*)\b/;

/** That something failed or never happened, in a question's words (accents folded, apostrophes split). */
const FAILED_ASKED: readonly RegExp[] = [
  / (?:fall|fell|falls|falling) (?:through|apart) | collaps\w* | fail\w* | fizzl\w* /,
  / never (?:happen\w*|materiali\w*|went through|took place|take place|closed?|c[ao]me (?:through|off)) /,
  / (?:didn t|did not|didnt) (?:happen|go through|materiali\w*|close|take place|come through) /,
  / echou\w* | capot\w* | tombee? a l eau | pas abouti | jamais (?:abouti|concretise\w*) /,
  / s est (?:jamais|pas) (?:fait|faite|conclu\w*|realise\w*) | (?:jamais|pas) eu lieu /,
  // "why didn't the sale go through?": a few words between.
  / (?:didn t|did not|didnt)(?: \w+){1,3} (?:go through|happen|close|take place|come through|materiali\w*) /,
];
/** A cause, in the sentence that tells of a failure: "collapsed because …", "a échoué en raison de …". */
const FAILURE_CAUSE = /\b(?:because|due to|owing to|as a result of|after|parce que|car|en raison|a cause|faute de)\b/;

/** A text saying no date was given. */
const NO_DATE =
  /\b(?:(?:did|does|has|have) not|didn't|hasn't|never) (?:say|said|specif(?:y|ied)|give|given|set) when\b|\bno (?:date|timeline|timetable|deadline)\b|\bsans (?:date|calendrier|echeance)\b|\bpas precise quand\b|\bpas dit quand\b/;
const WEEKDAY =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b/;
const MONTH_OR_DAY =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b/;
const RELATIVE_DATE = /\b(?:this|last|next) (?:year|month|week)\b|\b(?:cette|l'an) (?:annee|dernier|prochain)\b/;
const FREQUENCY =
  /\b(?:daily|weekly|monthly|yearly|hourly|annually|every (?:day|week|month|year|hour)|(?:once|twice|times) (?:a|per)|quotidien(?:ne)?s?|hebdomadaires?|mensuel(?:le)?s?|annuel(?:le)?s?|chaque (?:jour|semaine|mois|annee)|tous les (?:jours|mois|ans)|(?:fois|une fois) par)\b/;
const STREET_ADDRESS =
  /\b\d+[a-z]?,? (?:[\p{L}'-]+ ){0,4}?(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|drive|parkway|way|rue|chemin|allee|quai|place)\b/u;
/** Who is at the head of something, in a text: "led by", "founded by", "its CEO", "dirigée par", "le PDG". */
const LEADER_GIVEN =
  /\b(?:(?:led|headed|run|chaired|founded|directed|managed) by|(?:dirigee?s?|presidee?s?|fondee?s?|geree?s?) par|ceo|chief executive|chairman|chairwoman|founder|co-founder|pdg|fondat(?:eur|rice)s?|direct(?:eur|rice) general(?:e)?)\b/;
const TIME_UNIT = /\b(?:years?|months?|weeks?|days?|hours?|ans?|annees?|mois|semaines?|jours?|heures?)\b/;

/** A state, as an owner: "government", "l'État", "Beijing" (not "États-Unis", "United States"). */
const STATES: ReadonlySet<string> = new Set(
  'government governments gouvernement state etat beijing pekin ccp pcc communist communiste'.split(' '),
);
/** Owning or controlling: "owned", "controls", "appartient", "détenue", "contrôlée". */
const OWNING: ReadonlySet<string> = new Set(
  `own owns owned controlled control controls run backed appartient appartiennent appartenir detenu detenue
  detenus detient detiennent possede possedee possedent controle controlee controlees controles`.split(/\s+/),
);
const STAKES: ReadonlySet<string> = new Set(['stake', 'stakes', 'participation', 'participations']);

function asksState(words: readonly string[]): boolean {
  const state = (i: number) =>
    STATES.has(words[i] ?? '') && !(words[i - 1] === 'us' || words[i - 1] === 'which' || words[i - 1] === 'quel');
  return words.some(
    (w, i) =>
      // "state-owned", "state controlled"
      (w === 'state' && OWNING.has(words[i + 1] ?? '')) ||
      // "une entreprise d'État", "une société d'État"
      (w === 'etat' &&
        words[i - 1] === 'd' &&
        ['entreprise', 'societe', 'boite', 'compagnie'].includes(words[i - 2] ?? '')) ||
      // "owned by the Chinese government", "appartient au gouvernement chinois", "contrôlée par l'État"
      (OWNING.has(w) &&
        [1, 2, 3, 4].some((k) => state(i + k)) &&
        ['by', 'par', 'au', 'a'].some((x) => words.slice(i + 1, i + 3).includes(x))) ||
      // "does the Chinese government own it?", "le gouvernement chinois détient-il…"
      (state(i) && [1, 2].some((k) => OWNING.has(words[i + k] ?? ''))) ||
      // "does Beijing have a stake in it?"
      (STAKES.has(w) && words.some((_, j) => state(j))),
  );
}
const STATE_GIVEN =
  /\b(?:state|government)[- ](?:owned|controlled|run)\b|\bowned by the (?:\w+ )?(?:state|government)\b|\b(?:entreprise|societe) d'etat\b/;

/** Whether it still holds: "still the case", "still true", "encore le cas", "toujours vrai". */
const STILL_SO = / (?:still (?:the case|true|valid|accurate)|(?:encore|toujours) (?:le cas|vrai|valable|d actualite)) /;
const NOWADAYS: ReadonlySet<string> = new Set(
  'today now nowadays currently anymore aujourd hui maintenant actuellement desormais'.split(' '),
);
const CURRENT_GIVEN = /\b(?:as of today|to this day|still today|a ce jour|aujourd'hui encore)\b/;

/** Cancelling: a decision undone, or a deal or a sale that fell through. */
const ANNULLED: ReadonlySet<string> = new Set(['annule', 'annulee', 'annules', 'annulees', 'annuler', 'annulation']);
const SALES: ReadonlySet<string> = new Set(['vente', 'sale', 'cession', 'rachat']);

/** Undoing a decision: "revoke", "rescind", "overturn", "abroger", "révoquer". */
const REVERSED: ReadonlySet<string> = new Set(
  `revoke revoked revokes revoking revocation rescind rescinded rescinds overturn overturned reverse reversed
  abroge abrogee abroger abrogation revoque revoquee revoquer revocation repeal repealed repeals`.split(/\s+/),
);
