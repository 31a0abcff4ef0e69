import {
  addAlias,
  addImplication,
  autocompleteTags,
  createTag,
  getTagById,
  getTagByName,
  listAliases,
  listImplications,
  listTags,
  mergeTags,
  normalizeTagName,
  previewMerge,
  removeAlias,
  removeImplication,
  renameTag,
  resolveTagNames,
  tagCategories,
  tagCategoryInfo,
  updateTag,
} from "@wallpaperdb/tags";
import { z } from "zod";
import { createTRPCRouter, curatorProcedure, publicProcedure } from "../trpc.ts";
import { tagHistoryFor } from "./tag-history-view.ts";
import { unknownTagError } from "./tag-pages.ts";

// Names are checked and normalized by the tag rules; here only their size is bounded.
const tagName = z.string().min(1).max(200);
const tagId = z.number().int().positive();
const category = z.enum(tagCategories);
const description = z.string().max(2000).nullable();

const aliasRouter = createTRPCRouter({
  add: curatorProcedure
    .input(z.object({ alias: tagName, tag: tagName }).strict())
    .mutation(({ ctx, input }) => addAlias(ctx.db, input.alias, input.tag, { id: ctx.user.id })),
  remove: curatorProcedure.input(z.object({ alias: tagName }).strict()).mutation(async ({ ctx, input }) => {
    await removeAlias(ctx.db, input.alias, { id: ctx.user.id });
    return { removed: true };
  }),
  list: publicProcedure
    .input(z.object({ tagId: tagId.optional(), limit: z.number().int().min(1).max(500).optional() }).strict())
    .query(({ ctx, input }) => listAliases(ctx.db, input)),
});

const implicationInput = z.object({ antecedent: tagName, consequent: tagName }).strict();

const implicationRouter = createTRPCRouter({
  add: curatorProcedure
    .input(implicationInput)
    .mutation(({ ctx, input }) =>
      addImplication(ctx.db, input.antecedent, input.consequent, { id: ctx.user.id }),
    ),
  remove: curatorProcedure
    .input(implicationInput)
    .mutation(({ ctx, input }) =>
      removeImplication(ctx.db, input.antecedent, input.consequent, { id: ctx.user.id }),
    ),
  list: publicProcedure
    .input(z.object({ tagId: tagId.optional(), limit: z.number().int().min(1).max(500).optional() }).strict())
    .query(({ ctx, input }) => listImplications(ctx.db, input)),
});

export const tagRouter = createTRPCRouter({
  /** Every keystroke of the tag input: prefix of names and aliases, most used first. */
  autocomplete: publicProcedure
    .input(
      z.object({ prefix: z.string().max(200), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    )
    .query(({ ctx, input }) => autocompleteTags(ctx.db, input.prefix, input.limit)),

  list: publicProcedure
    .input(
      z
        .object({
          category: category.optional(),
          query: z.string().max(200).optional(),
          sort: z.enum(["count", "name"]).default("count"),
          limit: z.number().int().min(1).max(200).default(50),
          offset: z.number().int().min(0).max(100_000).default(0),
        })
        .strict(),
    )
    .query(({ ctx, input }) => listTags(ctx.db, input)),

  byName: publicProcedure.input(z.object({ name: tagName }).strict()).query(async ({ ctx, input }) => {
    const tag = await getTagByName(ctx.db, input.name);
    // not_found, reason tag_not_found, with the close names in details.suggestions (tag-pages.ts).
    if (!tag) throw await unknownTagError(ctx, input.name);
    return tag;
  }),

  /**
   * What a name being typed is: the tag it names or is an alias of, or `tag: null` for a new name. An
   * answer, not a 404, so forms can ask on every keystroke (byName's not_found is for pages).
   */
  resolve: publicProcedure.input(z.object({ name: tagName }).strict()).query(async ({ ctx, input }) => {
    const name = normalizeTagName(input.name);
    const id = (await resolveTagNames(ctx.db, [name])).byName.get(name);
    if (id === undefined) return { name, tag: null, viaAlias: false };
    const tag = await getTagById(ctx.db, id);
    const summary = {
      id: tag.id,
      name: tag.name,
      category: tag.category,
      wallpaperCount: tag.wallpaperCount,
    };
    return { name, tag: summary, viaAlias: tag.name !== name };
  }),

  categories: publicProcedure.query(() => tagCategoryInfo),

  history: publicProcedure
    .input(
      z
        .object({
          tagId,
          limit: z.number().int().min(1).max(200).optional(),
          before: z.number().int().optional(),
        })
        .strict(),
    )
    // Actors and hidden wallpapers only for curators: see tag-history-view.ts.
    .query(({ ctx, input }) => tagHistoryFor(ctx.db, input.tagId, input, ctx.user)),

  create: curatorProcedure
    .input(
      z
        .object({ name: tagName, category: category.optional(), description: description.optional() })
        .strict(),
    )
    .mutation(({ ctx, input }) => createTag(ctx.db, input, { id: ctx.user.id })),

  update: curatorProcedure
    .input(z.object({ tagId, category: category.optional(), description: description.optional() }).strict())
    .mutation(({ ctx, input }) => {
      const { tagId: id, ...changes } = input;
      return updateTag(ctx.db, id, changes, { id: ctx.user.id });
    }),

  rename: curatorProcedure
    .input(z.object({ tagId, name: tagName }).strict())
    .mutation(({ ctx, input }) => renameTag(ctx.db, input.tagId, input.name, { id: ctx.user.id })),

  previewMerge: curatorProcedure
    .input(z.object({ sourceId: tagId, targetId: tagId }).strict())
    .query(({ ctx, input }) => previewMerge(ctx.db, input.sourceId, input.targetId)),

  merge: curatorProcedure
    .input(z.object({ sourceId: tagId, targetId: tagId }).strict())
    .mutation(({ ctx, input }) => mergeTags(ctx.db, input.sourceId, input.targetId, { id: ctx.user.id })),

  alias: aliasRouter,
  implication: implicationRouter,
});
