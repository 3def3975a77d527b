/**
 * Type-level guard, checked by `npm run typecheck`: the response schemas leave no field undocumented.
 *
 * A route's handler is already checked against its schema by @hono/zod-openapi (`c.json(x)` must fit the
 * schema: right types, no documented field missing). What that check lets through is a field the handler
 * returns and the schema does not name: the mini program's generated types would never see it. Below,
 * each view function the shopper and agent routes answer with is compared with its schema; a compile
 * error names the undocumented key. Optional keys are not compared: they are the merchant-only fields
 * that the shared views add for the "merchant" viewer (`...(viewer === "merchant" ? {...} : {})`).
 */
import type { z } from "@hono/zod-openapi";
import type { AddressSchema } from "../worker/addresses/api-schemas";
import type { addressView } from "../worker/addresses/service";
import type {
  ItemWarrantySchema,
  OutletCitiesSchema,
  OutletListSchema,
  WarrantyPolicyListSchema,
} from "../worker/after-sales/api-schemas";
import type {
  CaseDetailSchema,
  CaseEligibilitySchema,
  CaseListSchema,
  CasePhotoSchema,
} from "../worker/after-sales/cases/api-schemas";
import type { uploadPhoto } from "../worker/after-sales/cases/photos";
import type { caseEligibility } from "../worker/after-sales/cases/service";
import type { caseDetail, caseSummaries } from "../worker/after-sales/cases/views";
import type { PriceProtectionOrderSchema } from "../worker/after-sales/price-protection/api-schemas";
import type { priceProtectionForOrder } from "../worker/after-sales/price-protection/service";
import type {
  AdminProductRegistrationListSchema,
  OpenedRepairSchema,
  ProductRegistrationListSchema,
  ProductRegistrationSchema,
  RepairWorkOrderDetailSchema,
  RepairWorkOrderPageSchema,
  TechnicianListSchema,
} from "../worker/after-sales/repair/api-schemas";
import type {
  listRegistrations,
  myRegistrations,
  registerProduct,
} from "../worker/after-sales/repair/registrations";
import type {
  myRepair,
  myRepairs,
  openFromChat,
  technicianRepairs,
  technicians,
} from "../worker/after-sales/repair/work-orders";
import type {
  findOutlets,
  outletCities,
  warrantyForOrderItem,
  warrantyPolicies,
} from "../worker/after-sales/service";
import type {
  AgentContextSchema,
  AgentConversationListSchema,
  CannedReplySchema,
  ChatAgentListSchema,
  CsatCommentListSchema,
  CsatReportSchema,
} from "../worker/agent/api-schemas";
import type { listCanned } from "../worker/agent/canned";
import type { agentConversations, conversationContext, listAgents } from "../worker/agent/service";
import type { ShopperSessionSchema, StaffSessionSchema } from "../worker/auth/api-schemas";
import type { devLogin, staffLogin } from "../worker/auth/service";
import type { CartSchema } from "../worker/cart/api-schemas";
import type { getCart } from "../worker/cart/service";
import type {
  AdminCategoryListSchema,
  AdminProductSchema,
  AttributeDefinitionsSchema,
  ImportReportSchema,
} from "../worker/catalog/admin-api-schemas";
import type {
  BrandFacetsSchema,
  CategoryTreeSchema,
  HomeFeedSchema,
  ProductDetailSchema,
  ProductPageSchema,
} from "../worker/catalog/api-schemas";
import type { attributeDefinitions } from "../worker/catalog/attributes";
import type { homeFeed } from "../worker/catalog/home";
import type { importProducts } from "../worker/catalog/import";
import type {
  brandFacets,
  categoryTree,
  getProductAdmin,
  getProductForShopper,
  listCategoriesAdmin,
  listProducts,
} from "../worker/catalog/service";
import type {
  ChatTicketSchema,
  CsatResultSchema,
  OpenConversationSchema,
  ShopperConversationListSchema,
} from "../worker/chat/api-schemas";
import type {
  csatReportFor,
  openConversation,
  rateConversation,
  recentCsatComments,
  shopperConversations,
} from "../worker/chat/service";
import type { issueTicket } from "../worker/chat/ticket";
import type { QuoteSchema } from "../worker/checkout/api-schemas";
import type { quoteView } from "../worker/checkout/service";
import type {
  FaqAdminEntrySchema,
  FaqByCategorySchema,
  FaqSearchResultSchema,
  FaqTryResultSchema,
} from "../worker/faq/api-schemas";
import type { getFaq, listFaqByCategory, searchFaq } from "../worker/faq/service";
import type { tryBot } from "../worker/faq/try-bot";
import type {
  GroupDetailSchema,
  MyGroupListSchema,
  ProductGroupBuysSchema,
  ReferralMeSchema,
  ShareInfoSchema,
} from "../worker/growth/api-schemas";
import type { groupDetail, myGroups, productGroupBuys } from "../worker/growth/group-buy-service";
import type { myReferrals } from "../worker/growth/referral-service";
import type { shareInfo } from "../worker/growth/share";
import type {
  BirthdaySchema,
  MemberOverviewSchema,
  PointsAdjustmentResultSchema,
  PointsHistorySchema,
} from "../worker/members/api-schemas";
import type { adjustPoints, memberOverview, pointsHistory, setBirthday } from "../worker/members/service";
import type { MarkReadResultSchema, NoticePageSchema } from "../worker/notifications/api-schemas";
import type { listNotices, markRead } from "../worker/notifications/service";
import type { OrderCountsSchema, OrderDetailSchema, OrderPageSchema } from "../worker/orders/api-schemas";
import type { listShopperOrders, shopperTabCounts } from "../worker/orders/queries";
import type { orderDetail } from "../worker/orders/views";
import type {
  AdminQuestionPageSchema,
  QuestionDetailSchema,
  QuestionPageSchema,
} from "../worker/questions/api-schemas";
import type { productQuestionsPage, questionDetail, questionsForMerchant } from "../worker/questions/service";
import type { OrderTradeInsSchema } from "../worker/trade-in/api-schemas";
import type { shopperTradeIns } from "../worker/trade-in/service";

// biome-ignore lint/suspicious/noExplicitAny: any function
type Out<F extends (...args: any[]) => unknown> = Awaited<ReturnType<F>>;
type Doc<S extends z.ZodType> = z.output<S>;

/** Every key of any member of a union. */
type AllKeys<S> = S extends unknown ? keyof S : never;
/** The type of key K in whichever union members have it. */
type PropOf<S, K> = S extends unknown ? (K extends keyof S ? S[K] : never) : never;
type RequiredKeys<O> = { [K in keyof O]-?: object extends Pick<O, K> ? never : K }[keyof O];

/** Dotted paths of required keys in O (what a handler returns) that S (its schema) does not document. */
type Undocumented<O, S, Path extends string = ""> = O extends readonly (infer OE)[]
  ? Undocumented<OE, S extends readonly (infer SE)[] ? SE : never, `${Path}[]`>
  : O extends object
    ? {
        [K in RequiredKeys<O> & string]: K extends AllKeys<S>
          ? Undocumented<O[K], PropOf<S, K>, `${Path}.${K}`>
          : `${Path}.${K}`;
      }[RequiredKeys<O> & string]
    : never;

/** Compiles only when nothing is undocumented; otherwise the error names the offending paths. */
type None<Missing extends never> = Missing;
type Gaps<O, S extends z.ZodType> = Undocumented<O, Doc<S>>;

export type Checked = [
  None<Gaps<{ items: Out<typeof categoryTree> }, typeof CategoryTreeSchema>>,
  None<Gaps<Out<typeof listProducts>, typeof ProductPageSchema>>,
  None<Gaps<Out<typeof getProductAdmin>, typeof AdminProductSchema>>,
  None<Gaps<{ items: Out<typeof listCategoriesAdmin> }, typeof AdminCategoryListSchema>>,
  None<Gaps<{ items: ReturnType<typeof attributeDefinitions> }, typeof AttributeDefinitionsSchema>>,
  None<Gaps<Out<typeof importProducts>, typeof ImportReportSchema>>,
  None<Gaps<Out<typeof getProductForShopper>, typeof ProductDetailSchema>>,
  None<Gaps<{ items: Out<typeof brandFacets> }, typeof BrandFacetsSchema>>,
  None<Gaps<Out<typeof homeFeed>, typeof HomeFeedSchema>>,
  None<Gaps<Out<typeof getCart>, typeof CartSchema>>,
  None<Gaps<Out<typeof addressView>, typeof AddressSchema>>,
  None<Gaps<Out<typeof quoteView>, typeof QuoteSchema>>,
  None<Gaps<Out<typeof listNotices>, typeof NoticePageSchema>>,
  None<Gaps<Out<typeof markRead>, typeof MarkReadResultSchema>>,
  None<Gaps<{ categories: Out<typeof listFaqByCategory> }, typeof FaqByCategorySchema>>,
  None<Gaps<{ items: Out<typeof searchFaq> }, typeof FaqSearchResultSchema>>,
  None<Gaps<{ items: Out<typeof warrantyPolicies> }, typeof WarrantyPolicyListSchema>>,
  None<Gaps<{ items: Out<typeof findOutlets> }, typeof OutletListSchema>>,
  None<Gaps<{ items: Out<typeof outletCities> }, typeof OutletCitiesSchema>>,
  None<Gaps<Out<typeof warrantyForOrderItem>, typeof ItemWarrantySchema>>,
  None<Gaps<Out<typeof caseEligibility>, typeof CaseEligibilitySchema>>,
  None<Gaps<Out<typeof caseDetail>, typeof CaseDetailSchema>>,
  None<Gaps<{ items: Out<typeof caseSummaries>; nextCursor: string | null }, typeof CaseListSchema>>,
  None<Gaps<Out<typeof uploadPhoto>, typeof CasePhotoSchema>>,
  None<Gaps<Out<typeof listShopperOrders>, typeof OrderPageSchema>>,
  None<Gaps<Out<typeof shopperTabCounts>, typeof OrderCountsSchema>>,
  None<Gaps<Out<typeof orderDetail>, typeof OrderDetailSchema>>,
  None<Gaps<Out<typeof devLogin>, typeof ShopperSessionSchema>>,
  None<Gaps<Out<typeof staffLogin>, typeof StaffSessionSchema>>,
  None<Gaps<Out<typeof issueTicket>, typeof ChatTicketSchema>>,
  None<Gaps<Out<typeof openConversation>, typeof OpenConversationSchema>>,
  None<Gaps<{ items: Out<typeof shopperConversations> }, typeof ShopperConversationListSchema>>,
  None<Gaps<Out<typeof rateConversation>, typeof CsatResultSchema>>,
  None<Gaps<{ items: Out<typeof agentConversations> }, typeof AgentConversationListSchema>>,
  None<Gaps<Out<typeof conversationContext>, typeof AgentContextSchema>>,
  None<Gaps<Out<typeof listCanned>[number], typeof CannedReplySchema>>,
  None<Gaps<{ items: Out<typeof listAgents> }, typeof ChatAgentListSchema>>,
  None<Gaps<Out<typeof csatReportFor>, typeof CsatReportSchema>>,
  None<Gaps<{ items: Out<typeof recentCsatComments> }, typeof CsatCommentListSchema>>,
  None<Gaps<Out<typeof getFaq>, typeof FaqAdminEntrySchema>>,
  None<Gaps<Out<typeof tryBot>, typeof FaqTryResultSchema>>,
  None<Gaps<Out<typeof priceProtectionForOrder>, typeof PriceProtectionOrderSchema>>,
  None<Gaps<Out<typeof shopperTradeIns>, typeof OrderTradeInsSchema>>,
  None<Gaps<Out<typeof myRepairs>, typeof RepairWorkOrderPageSchema>>,
  None<Gaps<Out<typeof technicianRepairs>, typeof RepairWorkOrderPageSchema>>,
  None<Gaps<Out<typeof myRepair>, typeof RepairWorkOrderDetailSchema>>,
  None<Gaps<Out<typeof openFromChat>, typeof OpenedRepairSchema>>,
  None<Gaps<Out<typeof registerProduct>, typeof ProductRegistrationSchema>>,
  None<Gaps<Out<typeof myRegistrations>, typeof ProductRegistrationListSchema>>,
  None<Gaps<Out<typeof listRegistrations>, typeof AdminProductRegistrationListSchema>>,
  None<Gaps<Out<typeof technicians>, typeof TechnicianListSchema>>,
  None<Gaps<Out<typeof groupDetail>, typeof GroupDetailSchema>>,
  None<Gaps<Out<typeof productGroupBuys>, typeof ProductGroupBuysSchema>>,
  None<Gaps<Out<typeof myGroups>, typeof MyGroupListSchema>>,
  None<Gaps<Out<typeof myReferrals>, typeof ReferralMeSchema>>,
  None<Gaps<Out<typeof shareInfo>, typeof ShareInfoSchema>>,
  None<Gaps<Out<typeof memberOverview>, typeof MemberOverviewSchema>>,
  None<Gaps<Out<typeof pointsHistory>, typeof PointsHistorySchema>>,
  None<Gaps<Out<typeof setBirthday>, typeof BirthdaySchema>>,
  None<Gaps<Out<typeof adjustPoints>, typeof PointsAdjustmentResultSchema>>,
  None<Gaps<Out<typeof productQuestionsPage>, typeof QuestionPageSchema>>,
  None<Gaps<Out<typeof questionDetail>, typeof QuestionDetailSchema>>,
  None<Gaps<Out<typeof questionsForMerchant>, typeof AdminQuestionPageSchema>>,
];
