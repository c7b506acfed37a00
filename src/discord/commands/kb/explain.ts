import { explain as explainQuestion, formatExplanation } from '../../../answer/explain.ts';
import { codeBlock, DISCORD_LIMITS as L, QUESTION_MAX_LENGTH } from '../../limits.ts';
import { replyPrivately, type KbSubcommand } from './subcommand.ts';

/** Why a question gets its answer, for the policy team tuning a fact. */
export const explain: KbSubcommand = {
  define: (s) =>
    s
      .setDescription('Why a question gets its answer: how each word was read, the runner-up, the bars')
      .setDescriptionLocalizations({
        fr: 'Pourquoi une question reçoit sa réponse : chaque mot, le second fait, les seuils',
      })
      .addStringOption((o) =>
        o
          .setName('question')
          .setDescription('The question, as staff asked it')
          .setRequired(true)
          .setMaxLength(QUESTION_MAX_LENGTH),
      ),

  async execute(interaction, context) {
    const explanation = explainQuestion(context.store.current(), interaction.options.getString('question', true));
    await replyPrivately(interaction, { content: codeBlock(formatExplanation(explanation), L.messageContent) });
  },
};
