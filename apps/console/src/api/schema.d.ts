/* Generated from the API's OpenAPI document by `npm run openapi` (tools/openapi-types.ts). Do not edit:
 * change the DTOs and response decorators in apps/api and libs/*, then run `npm run openapi`. `npm run lint` fails
 * when this file is stale. */
export type paths = {
    "/api/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List applications in the caller’s scope, newest first (audited) */
        get: operations["ApplicationsController_list"];
        put?: never;
        /** Submit a household application (SPEC 3.1) */
        post: operations["ApplicationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application view (every read is audited) */
        get: operations["ApplicationsController_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application’s audit entries in chain order */
        get: operations["ApplicationWorkflowController_audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** County decision (审核确认): APPROVE, REJECT or RETURN */
        post: operations["ApplicationWorkflowController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/decision-record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed decision record (SPEC 6.5): verify recordHash and signature with GET /api/v1/keys */
        get: operations["ApplicationWorkflowController_decisionRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/members/{memberId}/authorization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record or replace a member’s authorisation */
        put: operations["ApplicationsController_recordAuthorization"];
        post?: never;
        /** Revoke a member’s authorisation (pending checks are cancelled) */
        delete: operations["ApplicationsController_revokeAuthorization"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an objection during the public notice (the case returns to VERIFIED) */
        post: operations["ApplicationWorkflowController_objection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/reverify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a new verification run (from VERIFIED or AWAITING_COUNTY_DECISION) */
        post: operations["VerificationController_reverify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/township-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Township review (初审): RECOMMEND_APPROVE starts the public notice */
        post: operations["ApplicationWorkflowController_townshipReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest verification run: per-source check states, report and recommendation */
        get: operations["VerificationController_run"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/verification/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The normalised source answers of the latest run, ID numbers masked (audited) */
        get: operations["VerificationController_sources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw the application */
        post: operations["ApplicationsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/areas/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An area inside the caller’s scope with its direct children (404 outside the scope) */
        get: operations["AreasController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit entries inside the caller’s area scope, oldest first */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/anchors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signed chain heads in the caller’s scope, oldest first (SPEC 8), for export to write-once storage */
        get: operations["AuditController_anchors"];
        put?: never;
        /** Sign every chain head in the caller’s scope now (SPEC 8); audited as audit.anchored */
        post: operations["AuditController_takeAnchors"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute the hash chains in the caller’s scope (or one chain) and report breaks */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a username and password for a bearer token (SPEC 2.3) */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke every token of the caller (SPEC 2.3)
         * @description Audited as `auth.logout`.
         */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/beneficiaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The roll in the caller’s scope, overdue reviews first (audited: beneficiaries.listed) */
        get: operations["BeneficiariesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/beneficiaries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A beneficiary household with members and history (audited: beneficiary.viewed) */
        get: operations["BeneficiariesController_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/beneficiaries/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The household’s reviews, newest first */
        get: operations["BeneficiariesController_listReviews"];
        put?: never;
        /** Open a review (one open review per household, else 409 REVIEW_ALREADY_OPEN) */
        post: operations["BeneficiariesController_openReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/beneficiaries/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdrawal by the family: STOPPED from the next month */
        post: operations["BeneficiariesController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The years of the working-day calendar that are loaded (SPEC 4) */
        get: operations["CalendarController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One year of the working-day calendar: holidays, make-up working days, source */
        get: operations["CalendarController_get"];
        /**
         * Load or replace a year of the working-day calendar (ADMIN; audited)
         * @description Deadlines use it at once in this process and within CALENDAR_REFRESH_INTERVAL (default 10 s) in every other.
         */
        put: operations["CalendarController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The platform’s Ed25519 public key (JWK with RFC 7638 key id, and PEM) */
        get: operations["KeysController_keys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/life-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a death, new employment or a hukou move; an unmatched report learns nothing */
        post: operations["LifeEventsController_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller */
        get: operations["UsersController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the caller’s own password (SPEC 2.3); revokes every token of the caller
         * @description Audited as `user.password-changed`, without either password. Throttled like a login.
         */
        post: operations["UsersController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/parameters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The policy parameters effective for an area on a date (SPEC 6.1)
         * @description Any area inside the caller’s scope, or one of the caller’s own ancestors.
         */
        get: operations["PolicyController_get"];
        put?: never;
        /** Add a new version of a city’s or county’s policy parameters with its legal basis */
        post: operations["PolicyController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The history of versions that govern an area (its own, its county’s, its city’s), newest first
         * @description Any area inside the caller’s scope, or one of the caller’s own ancestors.
         */
        get: operations["PolicyController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per source: calls, failures, p50/p95 latency over the last hour, circuit state */
        get: operations["SourceReportController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/workload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per township in scope: open cases by status, decided in the last 30 days, median days to decision, overdue, staff */
        get: operations["ReportsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/review-batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Review batches in the caller’s scope, newest first */
        get: operations["ReviewBatchesController_list"];
        put?: never;
        /** Open a PERIODIC review for every ACTIVE household of the area that matches */
        post: operations["ReviewBatchesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/review-batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A batch’s live progress */
        get: operations["ReviewBatchesController_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reviews in the caller’s scope, newest first */
        get: operations["ReviewsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A review with its run, recommendation, proposal and delta report */
        get: operations["ReviewsController_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** County decision: APPROVE applies the proposal from next month, REJECT keeps the benefit */
        post: operations["ReviewsController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/members/{memberId}/authorization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record or replace a member’s authorisation for the review */
        put: operations["ReviewsController_recordAuthorization"];
        post?: never;
        /** Revoke a member’s authorisation: the review waits in AWAITING_AUTHORIZATION */
        delete: operations["ReviewsController_revokeAuthorization"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/township-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Township opinion on the proposal: VERIFIED → AWAITING_COUNTY_DECISION */
        post: operations["ReviewsController_townshipReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (with `active`) */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user bound to one area with roles valid for its level */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user’s active flag, roles, area or display name (SPEC 2.3)
         * @description A change of `active`, roles or area revokes every token of the user. The last active ADMIN cannot be deactivated or demoted (409). Audited as `user.updated`.
         */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a user’s password (SPEC 2.3); revokes every token of the user
         * @description Audited as `user.password-reset`, without the password.
         */
        post: operations["UsersController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        AddPolicyVersionDto: {
            /**
             * @description A city or county code inside the administrator’s scope.
             * @example 431102
             */
            areaCode: string;
            /**
             * Format: date
             * @example 2027-01-01
             */
            effectiveFrom: string;
            /** @example 永州市民政局 永民发〔2027〕1号 */
            legalBasis: string;
            /** @description All ten parameters of SPEC 6.1. */
            values: components["schemas"]["PolicyValuesDto"];
        };
        ApplicationPageDto: {
            items: components["schemas"]["ApplicationSummaryDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        ApplicationSummaryDto: {
            applicantName: string;
            countyCode: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @description Number of members. */
            members: number;
            number: string;
            /** @enum {string} */
            programme: "DIBAO" | "EDGE" | "TEKUN";
            /** @enum {string} */
            status: "AWAITING_AUTHORIZATION" | "VERIFYING" | "VERIFIED" | "IN_PUBLIC_NOTICE" | "AWAITING_COUNTY_DECISION" | "APPROVED" | "REJECTED" | "WITHDRAWN";
            townshipCode: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        ApplicationViewDto: {
            address: string;
            countyCode: string;
            /** Format: date-time */
            createdAt: string;
            deadlines: components["schemas"]["DeadlinesDto"];
            decision: components["schemas"]["DecisionViewDto"] | null;
            hasAbleSupporter: boolean;
            /** Format: uuid */
            id: string;
            members: components["schemas"]["MemberViewDto"][];
            /** @example 431102001-2026-000042 */
            number: string;
            /** @enum {string} */
            programme: "DIBAO" | "EDGE" | "TEKUN";
            publicNotice: components["schemas"]["PublicNoticeViewDto"] | null;
            recommendation: components["schemas"]["RecommendationSummaryDto"] | null;
            /** @enum {string} */
            residence: "URBAN" | "RURAL";
            staffRelative: boolean;
            /** @enum {string} */
            status: "AWAITING_AUTHORIZATION" | "VERIFYING" | "VERIFIED" | "IN_PUBLIC_NOTICE" | "AWAITING_COUNTY_DECISION" | "APPROVED" | "REJECTED" | "WITHDRAWN";
            townshipCode: string;
            townshipReview: components["schemas"]["TownshipReviewViewDto"] | null;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        AreaDto: {
            /** @example 431102001 */
            code: string;
            /** @enum {string} */
            level: "CITY" | "COUNTY" | "TOWNSHIP" | "VILLAGE";
            /** @example 朝阳街道 */
            name: string;
            parentCode: string | null;
        };
        AreaWithChildrenDto: {
            children: components["schemas"]["AreaDto"][];
            /** @example 431102001 */
            code: string;
            /** @enum {string} */
            level: "CITY" | "COUNTY" | "TOWNSHIP" | "VILLAGE";
            /** @example 朝阳街道 */
            name: string;
            parentCode: string | null;
        };
        AssetsDto: {
            depositsFen: number;
            dwellings: number;
            securitiesFen: number;
            vehicles: number;
        };
        AuditActorDto: {
            /** @description The area the actor is bound to. */
            areaCode: string | null;
            /** @description The role the action was performed in. */
            role: string | null;
            /** Format: uuid */
            userId: string | null;
            username: string | null;
        };
        AuditAnchorDto: {
            /** Format: date-time */
            at: string;
            /** @example 431102 */
            chain: string;
            /** @description hash of that entry */
            hash: string;
            /** @description kid of the signing key (RFC 7638 thumbprint) */
            keyId: string;
            /** @description seq of the chain’s head entry when it was signed */
            seq: number;
            /** @description Ed25519 (base64) over the RFC 8785 canonical JSON of { chain, seq, hash, at }, key of GET /api/v1/keys */
            signature: string;
        };
        AuditAnchorListDto: {
            items: components["schemas"]["AuditAnchorDto"][];
        };
        AuditAnchorsTakenDto: {
            anchors: components["schemas"]["AuditAnchorDto"][];
        };
        AuditEntryDto: {
            /** @example application.viewed */
            action: string;
            actor: components["schemas"]["AuditActorDto"];
            /** Format: uuid */
            applicationId: string | null;
            /** @example 431102001 */
            areaCode: string;
            /** Format: date-time */
            at: string;
            /** @example 431102 */
            chain: string;
            detail: {
                [key: string]: unknown;
            };
            /** @description SHA-256 (hex) over prevHash and the entry’s RFC 8785 canonical JSON. */
            hash: string;
            ip: string | null;
            /** @description SHA-256 (hex) of the previous entry in the chain; 64 zeros for the first. */
            prevHash: string;
            seq: number;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        AuditTrailDto: {
            items: components["schemas"]["AuditEntryDto"][];
        };
        AuditVerificationDto: {
            chains: components["schemas"]["ChainVerificationDto"][];
            valid: boolean;
        };
        AuthorizationDto: {
            /** @example AUTH-431102001-000123 */
            documentRef: string;
            /**
             * @description Date signed (not in the future)
             * @example 2026-11-20
             */
            signedAt: string;
            /** @enum {string} */
            signer: "SELF" | "GUARDIAN";
        };
        AuthorizationViewDto: {
            documentRef: string;
            /** Format: date */
            signedAt: string;
            /** @enum {string} */
            signer: "SELF" | "GUARDIAN";
        };
        BeneficiariesByStatusDto: {
            /** @example 12 */
            ACTIVE: number;
            /** @example 0 */
            GRADUAL_EXIT: number;
            /** @example 2 */
            STOPPED: number;
            /** @example 1 */
            UNDER_REVIEW: number;
        };
        BeneficiaryMemberDto: {
            age: number;
            authorization: components["schemas"]["MemberAuthorizationDto"] | null;
            coResident: boolean;
            counted: boolean;
            declaredAssets: components["schemas"]["AssetsDto"];
            declaredMonthlyIncome: components["schemas"]["MoneyIncomeDto"];
            disability: components["schemas"]["DisabilityDto"] | null;
            employment: string;
            exclusion: string | null;
            /** Format: uuid */
            id: string;
            /** @example 431102********0012 */
            idNumberMasked: string;
            name: string;
            relation: string;
            /** @enum {string} */
            sex: "M" | "F";
        };
        BeneficiaryPageDto: {
            items: components["schemas"]["BeneficiarySummaryDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        BeneficiarySummaryDto: {
            applicantName: string;
            /** Format: uuid */
            applicationId: string;
            countyCode: string;
            gradualExit: components["schemas"]["GradualExitDto"] | null;
            /** Format: uuid */
            id: string;
            /** Format: date */
            lastReviewedOn: string | null;
            /** @description Integer fen per month */
            monthlyBenefitFen: number;
            /** Format: date */
            nextReviewDueOn: string;
            /** @description The number of the application that enrolled the household */
            number: string;
            /** @enum {string} */
            programme: "DIBAO" | "EDGE" | "TEKUN";
            /** @enum {string} */
            reviewCategory: "YEARLY" | "HALF_YEARLY";
            reviewOverdue: boolean;
            /** @example 2026-12 */
            since: string;
            /** @enum {string} */
            status: "ACTIVE" | "UNDER_REVIEW" | "GRADUAL_EXIT" | "STOPPED";
            townshipCode: string;
            version: number;
        };
        BeneficiaryViewDto: {
            applicantName: string;
            /** Format: uuid */
            applicationId: string;
            countyCode: string;
            gradualExit: components["schemas"]["GradualExitDto"] | null;
            history: components["schemas"]["HistoryEntryDto"][];
            /** Format: uuid */
            id: string;
            /** Format: date */
            lastReviewedOn: string | null;
            members: components["schemas"]["BeneficiaryMemberDto"][];
            /** @description Integer fen per month */
            monthlyBenefitFen: number;
            /** Format: date */
            nextReviewDueOn: string;
            /** @description The number of the application that enrolled the household */
            number: string;
            /** @enum {string} */
            programme: "DIBAO" | "EDGE" | "TEKUN";
            /** @enum {string} */
            reviewCategory: "YEARLY" | "HALF_YEARLY";
            reviewOverdue: boolean;
            /** @example 2026-12 */
            since: string;
            /** @enum {string} */
            status: "ACTIVE" | "UNDER_REVIEW" | "GRADUAL_EXIT" | "STOPPED";
            townshipCode: string;
            version: number;
        };
        CalendarYearDto: {
            /** @description Days off, sorted. */
            holidays: string[];
            /** @example 国务院办公厅关于2027年部分节假日安排的通知 (国办发明电〔2026〕7号) */
            source: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description Username of the administrator who loaded it; null for a year seeded from the shipped data file.
             * @example admin
             */
            updatedBy: string | null;
            /** @description Make-up working days on weekends, sorted. */
            workdays: string[];
            /** @example 2027 */
            year: number;
        };
        CalendarYearListDto: {
            /**
             * @description Seconds within which a change reaches every api and worker process (CALENDAR_REFRESH_INTERVAL).
             * @example 10
             */
            refreshSeconds: number;
            /** @description Every stored year, oldest first. */
            years: components["schemas"]["CalendarYearSummaryDto"][];
        };
        CalendarYearSummaryDto: {
            /** @example 25 */
            holidayCount: number;
            source: string;
            /** Format: date-time */
            updatedAt: string;
            /** @example admin */
            updatedBy: string | null;
            /** @example 6 */
            workdayCount: number;
            /** @example 2026 */
            year: number;
        };
        ChainVerificationDto: {
            /** @description seq of the first signed anchor the chain no longer matches (rewritten or truncated since). */
            anchorMismatchAt?: number;
            /** @description seq of the first entry that does not verify. */
            brokenAt?: number;
            /** @example 431102 */
            chain: string;
            entries: number;
            /** @description Hash of the chain’s last entry. */
            head: string;
            valid: boolean;
        };
        ChangePasswordDto: {
            currentPassword: string;
            newPassword: string;
        };
        CheckViewDto: {
            attempts: number;
            /** Format: date-time */
            completedAt: string | null;
            error: string | null;
            /** Format: uuid */
            memberId: string;
            /** @enum {string} */
            source: "HUKOU" | "VEHICLE" | "SOCIAL_SECURITY" | "REAL_ESTATE" | "MARKET_REGULATION" | "TAX" | "HOUSING_FUND" | "BANKING" | "CIVIL_AFFAIRS" | "DISABILITY" | "PUBLIC_PAYROLL";
            /** @enum {string} */
            status: "PENDING" | "SUCCEEDED" | "NO_RECORD" | "FAILED" | "NOT_AUTHORIZED" | "CANCELLED";
        };
        CircuitWorkersDto: {
            CLOSED?: number;
            HALF_OPEN?: number;
            ISOLATED?: number;
            OPEN?: number;
        };
        CreateApplicationDto: {
            /** @example 零陵区朝阳街道某某路12号 */
            address: string;
            /** @default false */
            hasAbleSupporter: boolean;
            members: components["schemas"]["MemberDto"][];
            /** @enum {string} */
            programme: "DIBAO" | "EDGE" | "TEKUN";
            /** @enum {string} */
            residence: "URBAN" | "RURAL";
            /** @default false */
            staffRelative: boolean;
            /** @example 431102001 */
            townshipCode: string;
        };
        CreateReviewBatchDto: {
            /**
             * @description A city, county or township code inside the caller’s scope
             * @example 431102
             */
            areaCode: string;
            /**
             * Format: date
             * @description Only households due on or before this date
             */
            dueOnOrBefore?: string;
            /** @enum {string} */
            programme?: "DIBAO" | "EDGE" | "TEKUN";
        };
        CreateUserDto: {
            /** @example 431102001 */
            areaCode: string;
            /** @example 朝阳街道核对站 王芳 */
            displayName: string;
            password: string;
            roles: ("STATION_OPERATOR" | "TOWNSHIP_REVIEWER" | "VERIFICATION_OFFICER" | "COUNTY_APPROVER" | "CITY_SUPERVISOR" | "AUDITOR" | "INTEGRATION" | "ADMIN")[];
            /** @example op-431102001 */
            username: string;
        };
        DeadlinesDto: {
            /** @description A deadline was counted across a year with no working-day calendar, on weekends alone (SPEC 4). */
            calendarMissing: boolean;
            /** Format: date */
            countyDecisionDueOn: string | null;
            /** Format: date */
            decisionDueOn: string;
            overdue: boolean;
        };
        DecisionDto: {
            /** @enum {string} */
            decision: "APPROVE" | "REJECT" | "RETURN";
            /** @description Required for REJECT and RETURN; for APPROVE against a recommendation that is not ELIGIBLE (an override) and for a staff relative’s application, at least 10 characters */
            reason?: string | null;
        };
        DecisionViewDto: {
            /** Format: date-time */
            decidedAt: string;
            decidedBy: string;
            /** @enum {string} */
            decision: "APPROVE" | "REJECT" | "RETURN";
            /** @example 2026-12 */
            effectiveMonth: string | null;
            monthlyBenefitFen: number | null;
            reason: string | null;
        };
        DeclaredAssetsDto: {
            /** @example 0 */
            depositsFen: number;
            /** @example 0 */
            dwellings: number;
            /** @example 0 */
            securitiesFen: number;
            /** @example 0 */
            vehicles: number;
        };
        DeclaredAssetsReportDto: {
            depositsFen: number;
            dwellings: number;
            financialAssetsFen: number;
            securitiesFen: number;
            vehicles: number;
        };
        DeclaredMonthlyIncomeDto: {
            /** @example 0 */
            businessFen: number;
            /** @example 0 */
            excludedFen: number;
            /** @example 0 */
            propertyFen: number;
            /** @example 0 */
            transferFen: number;
            /** @example 0 */
            wageFen: number;
        };
        DeltaEntryDto: {
            /** @enum {string} */
            category: "wageFen" | "transferFen" | "financialAssetsFen" | "vehicles" | "dwellings" | "activeEnterprises";
            changed: boolean;
            /** @description The new figure */
            current: number | null;
            /** Format: uuid */
            memberId: string;
            /** @description The last accepted figure */
            previous: number | null;
            /** @description The source whose answer changed it */
            source: string | null;
        };
        DisabilityDto: {
            /** @enum {string} */
            category: "PHYSICAL" | "VISUAL" | "HEARING" | "SPEECH" | "INTELLECTUAL" | "MENTAL" | "MULTIPLE";
            grade: number;
        };
        DisabilityViewDto: {
            /** @enum {string} */
            category: "PHYSICAL" | "VISUAL" | "HEARING" | "SPEECH" | "INTELLECTUAL" | "MENTAL" | "MULTIPLE";
            grade: number;
        };
        DiscrepancyDto: {
            /** @enum {string} */
            code: "UNDECLARED_WAGE" | "UNDECLARED_PENSION" | "UNDECLARED_VEHICLE" | "UNDECLARED_PROPERTY" | "UNDECLARED_DEPOSITS" | "UNDECLARED_BUSINESS" | "MEMBER_DECEASED" | "PUBLIC_PAYROLL" | "ALREADY_ASSISTED" | "PERSON_NOT_FOUND";
            declaredFen?: number;
            detail: string;
            foundFen?: number;
            /** Format: uuid */
            memberId: string;
            /** @enum {string} */
            source: "HUKOU" | "VEHICLE" | "SOCIAL_SECURITY" | "REAL_ESTATE" | "MARKET_REGULATION" | "TAX" | "HOUSING_FUND" | "BANKING" | "CIVIL_AFFAIRS" | "DISABILITY" | "PUBLIC_PAYROLL";
        };
        EffectivePolicyDto: {
            /**
             * @description The area whose version applies (a county’s over the city’s).
             * @example 431100
             */
            areaCode: string;
            /**
             * Format: date
             * @example 2026-01-01
             */
            effectiveFrom: string;
            legalBasis: string;
            values: components["schemas"]["PolicyValuesDto"];
            /**
             * Format: uuid
             * @description The version id, echoed as a recommendation’s policyVersion.
             */
            version: string;
        };
        GradualExitDto: {
            /**
             * @description First month of the exit (paid)
             * @example 2027-01
             */
            fromMonth: string;
            /**
             * @description Last month of the exit (paid)
             * @example 2027-06
             */
            untilMonth: string;
        };
        HistoryEntryDto: {
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            change: "ENROLLED" | "INCREASE" | "DECREASE" | "GRADUAL_EXIT" | "STOP" | "STOPPED" | "WITHDRAWN" | "CATEGORY";
            /** @example 2027-01 */
            effectiveMonth: string | null;
            fromFen: number | null;
            reason: string | null;
            /** Format: uuid */
            reviewId: string | null;
            toFen: number | null;
        };
        HouseholdReportDto: {
            activeEnterprises: number;
            assessedMonthlyIncomeFen: number;
            countedMembers: number;
            dwellings: number;
            financialAssetsFen: number;
            perCapitaMonthlyIncomeFen: number;
            standardFen: number;
            vehicles: number;
        };
        IncomeBreakdownDto: {
            businessFen: number;
            propertyFen: number;
            totalFen: number;
            transferFen: number;
            wageFen: number;
        };
        InvestigationDto: {
            findings: string;
            /**
             * @description At least two distinct people (入户调查 needs two)
             * @example [
             *       "李四",
             *       "王五"
             *     ]
             */
            investigators: string[];
            /**
             * @description Date of the home visit (入户调查), not in the future
             * @example 2026-11-21
             */
            visitedOn: string;
        };
        InvestigationViewDto: {
            findings: string;
            investigators: string[];
            /** Format: date */
            visitedOn: string;
        };
        LifeEventAnswerDto: {
            /** @description false tells the caller nothing else */
            matched: boolean;
            /**
             * Format: uuid
             * @description When matched
             */
            reviewId?: string | null;
        };
        LifeEventDto: {
            /**
             * @description 18-character resident ID number (never echoed back)
             * @example 431102198001010012
             */
            idNumber: string;
            /**
             * Format: date
             * @example 2026-11-20
             */
            occurredOn: string;
            /**
             * @description The reporting system’s reference (1–128 characters)
             * @example GA-2026-000123
             */
            sourceRef: string;
            /** @enum {string} */
            type: "DEATH" | "EMPLOYMENT_STARTED" | "HUKOU_MOVED_OUT";
        };
        LoginDto: {
            /** @example admin-dev-password */
            password: string;
            /** @example admin */
            username: string;
        };
        LoginResponseDto: {
            /** @description HS256 JWT; send as `Authorization: Bearer …` */
            accessToken: string;
            /**
             * @description Seconds until the token expires
             * @example 3600
             */
            expiresIn: number;
            /** @enum {string} */
            tokenType: "Bearer";
            user: components["schemas"]["LoginUserDto"];
        };
        LoginUserDto: {
            /** @example 431102001 */
            areaCode: string;
            /** Format: uuid */
            id: string;
            roles: components["schemas"]["Role"][];
            username: string;
        };
        MemberAssessedDto: {
            financialAssetsFen: number;
            income: components["schemas"]["IncomeBreakdownDto"];
        };
        MemberAuthorizationDto: {
            documentRef: string;
            /** Format: date */
            signedAt: string;
            /** @enum {string} */
            signer: "SELF" | "GUARDIAN";
        };
        MemberDeclaredDto: {
            assets: components["schemas"]["DeclaredAssetsReportDto"];
            excludedIncomeFen: number;
            income: components["schemas"]["IncomeBreakdownDto"];
        };
        MemberDto: {
            authorization?: components["schemas"]["AuthorizationDto"] | null;
            coResident: boolean;
            declaredAssets: components["schemas"]["DeclaredAssetsDto"];
            declaredMonthlyIncome: components["schemas"]["DeclaredMonthlyIncomeDto"];
            disability?: components["schemas"]["DisabilityDto"] | null;
            /** @enum {string} */
            employment: "EMPLOYED" | "FLEXIBLE" | "UNEMPLOYED" | "RETIRED" | "STUDENT" | "NONE";
            /** @enum {string|null} */
            exclusion?: "PRISON" | "DRUG_REHAB" | "MISSING" | "RELIGIOUS_3Y" | null;
            /**
             * @description GB 11643 resident ID number (never returned in full)
             * @example 431102198001010012
             */
            idNumber: string;
            /** @example 张三 */
            name: string;
            /** @enum {string} */
            relation: "SELF" | "SPOUSE" | "CHILD" | "PARENT" | "SIBLING" | "GRANDPARENT" | "GRANDCHILD" | "CHILD_IN_LAW" | "OTHER";
        };
        MemberReportDto: {
            assessed: components["schemas"]["MemberAssessedDto"];
            declared: components["schemas"]["MemberDeclaredDto"];
            /** Format: uuid */
            memberId: string;
            relation: string;
            verified: components["schemas"]["MemberVerifiedDto"];
        };
        MemberVerifiedDto: {
            assets: components["schemas"]["VerifiedAssetsReportDto"];
            /** @description How each source’s check of this member ended, by source code. */
            checks: {
                [key: string]: "PENDING" | "SUCCEEDED" | "NO_RECORD" | "FAILED" | "NOT_AUTHORIZED" | "CANCELLED";
            };
            income: components["schemas"]["VerifiedIncomeDto"];
        };
        MemberViewDto: {
            age: number;
            authorization: components["schemas"]["AuthorizationViewDto"] | null;
            coResident: boolean;
            counted: boolean;
            declaredAssets: components["schemas"]["AssetsDto"];
            declaredMonthlyIncome: components["schemas"]["MonthlyIncomeDto"];
            disability: components["schemas"]["DisabilityViewDto"] | null;
            /** @enum {string} */
            employment: "EMPLOYED" | "FLEXIBLE" | "UNEMPLOYED" | "RETIRED" | "STUDENT" | "NONE";
            /** @enum {string|null} */
            exclusion: "PRISON" | "DRUG_REHAB" | "MISSING" | "RELIGIOUS_3Y" | null;
            /** Format: uuid */
            id: string;
            /** @example 431102********0012 */
            idNumberMasked: string;
            name: string;
            /** @enum {string} */
            relation: "SELF" | "SPOUSE" | "CHILD" | "PARENT" | "GRANDPARENT" | "GRANDCHILD" | "SIBLING" | "OTHER";
            /** @enum {string} */
            sex: "M" | "F";
        };
        MoneyIncomeDto: {
            businessFen: number;
            excludedFen: number;
            propertyFen: number;
            transferFen: number;
            wageFen: number;
        };
        MonthlyIncomeDto: {
            businessFen: number;
            excludedFen: number;
            propertyFen: number;
            transferFen: number;
            wageFen: number;
        };
        NotCountedDto: {
            /** Format: uuid */
            memberId: string;
            /** @enum {string} */
            reason: "NOT_CO_RESIDENT" | "PRISON" | "DRUG_REHAB" | "MISSING" | "RELIGIOUS_3Y" | "DECEASED";
        };
        ObjectionDto: {
            /** @example 2026-11-22 */
            receivedOn: string;
            summary: string;
        };
        ObjectionViewDto: {
            /** Format: date */
            receivedOn: string;
            /** Format: date-time */
            recordedAt: string;
            recordedBy: string;
            summary: string;
        };
        OpenByStatusDto: {
            /** @example 1 */
            AWAITING_AUTHORIZATION: number;
            /** @example 4 */
            AWAITING_COUNTY_DECISION: number;
            /** @example 1 */
            IN_PUBLIC_NOTICE: number;
            /** @example 3 */
            VERIFIED: number;
            /** @example 2 */
            VERIFYING: number;
        };
        OpenReviewDto: {
            /** @description 1–2000 characters */
            note?: string;
            /** @enum {string} */
            reason: "PERIODIC" | "LIFE_EVENT" | "COMPLAINT" | "CHANGE_REPORTED";
        };
        PolicyValuesDto: {
            /**
             * @description Monthly rural dibao standard per person, integer fen.
             * @example 45000
             */
            dibaoStandardRuralFen: number;
            /**
             * @description Monthly urban dibao standard per person, integer fen.
             * @example 65000
             */
            dibaoStandardUrbanFen: number;
            /**
             * @description EDGE: financial assets ≤ months × standard × n.
             * @example 36
             */
            edgeFinancialAssetMonths: number;
            /**
             * @description Edge-family income line × standard; 1–10, ≤ 6 decimals.
             * @example 1.5
             */
            edgeMultiplier: number;
            /**
             * @description Enterprise registered capital limit, integer fen.
             * @example 20000000
             */
            enterpriseCapitalLimitFen: number;
            /**
             * @description DIBAO and TEKUN: financial assets ≤ months × standard × n.
             * @example 24
             */
            financialAssetMonths: number;
            /**
             * @description SPEC 11.2: months of a gradual exit (渐退期), 1–6. Optional in a new version (seeded value 6).
             * @example 6
             */
            gradualExitMonths?: number;
            /**
             * @description Declared/verified income discrepancy tolerance, integer fen.
             * @example 10000
             */
            incomeToleranceFen: number;
            /**
             * @description Discrepancy tolerance in percent; 0–100, ≤ 6 decimals.
             * @example 10
             */
            incomeTolerancePct: number;
            /** @example 1 */
            maxDwellings: number;
            /**
             * @description SPEC 11.2: a review that recomputes the benefit by less than this (integer fen) leaves the amount as it is. Optional in a new version (seeded value 2000).
             * @example 2000
             */
            reviewAdjustmentThresholdFen?: number;
            /**
             * @description Tekun support × standard; 1–10, ≤ 6 decimals.
             * @example 1.3
             */
            tekunMultiplier: number;
        };
        PolicyVersionDto: {
            /**
             * @description The area whose version applies (a county’s over the city’s).
             * @example 431100
             */
            areaCode: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            /**
             * Format: date
             * @example 2026-01-01
             */
            effectiveFrom: string;
            legalBasis: string;
            values: components["schemas"]["PolicyValuesDto"];
            /**
             * Format: uuid
             * @description The version id, echoed as a recommendation’s policyVersion.
             */
            version: string;
        };
        PolicyVersionListDto: {
            items: components["schemas"]["PolicyVersionDto"][];
        };
        ProposalDto: {
            /** @enum {string} */
            change: "CONTINUE" | "INCREASE" | "DECREASE" | "GRADUAL_EXIT" | "STOP";
            fromFen: number;
            /** @description GRADUAL_EXIT only */
            gradualExitMonths?: number;
            reasons: string[];
            toFen: number;
        };
        PublicNoticeViewDto: {
            /** Format: date-time */
            endedAt: string | null;
            /** @enum {string|null} */
            endReason: "EXPIRED" | "OBJECTION" | "CANCELLED" | null;
            /** Format: date-time */
            endsAt: string;
            objections: components["schemas"]["ObjectionViewDto"][];
            /** Format: date-time */
            startedAt: string;
        };
        PublicSigningKeyDto: {
            /** @enum {string} */
            alg: "EdDSA";
            /** @enum {string} */
            crv: "Ed25519";
            /** @description RFC 7638 thumbprint. */
            kid: string;
            /** @enum {string} */
            kty: "OKP";
            /** @description The same key as SPKI PEM. */
            pem: string;
            /** @enum {string} */
            use: "sig";
            /** @description The public key, base64url. */
            x: string;
        };
        PublishedKeysDto: {
            keys: components["schemas"]["PublicSigningKeyDto"][];
        };
        PutCalendarYearDto: {
            /**
             * @description Days off of that year (weekends inside a break included), each a real date in the year, none twice.
             * @example [
             *       "2027-01-01",
             *       "2027-02-06",
             *       "2027-02-07"
             *     ]
             */
            holidays: string[];
            /**
             * @description The State Council notice the arrangement comes from.
             * @example 国务院办公厅关于2027年部分节假日安排的通知 (国办发明电〔2026〕7号)
             */
            source: string;
            /**
             * @description Make-up working days (调休上班): Saturdays or Sundays of that year worked instead; never also a holiday.
             * @example [
             *       "2027-02-14"
             *     ]
             */
            workdays: string[];
        };
        RecommendationAssessmentDto: {
            dwellings: number;
            financialAssetsFen: number;
            householdIncomeFen: number;
            n: number;
            perCapitaFen: number;
            standardFen: number;
            vehicles: number;
        };
        RecommendationDto: {
            /** @enum {string|null} */
            alternativeProgramme: "DIBAO" | "EDGE" | null;
            assessment: components["schemas"]["RecommendationAssessmentDto"];
            /** @description The formula’s amount even when the outcome is not ELIGIBLE (SPEC 6.4). */
            computedBenefitFen?: number;
            monthlyBenefitFen: number;
            /** @enum {string} */
            outcome: "ELIGIBLE" | "INELIGIBLE" | "NEEDS_REVIEW";
            policyVersion: string;
            /** @enum {string} */
            programme: "DIBAO" | "EDGE" | "TEKUN";
            rules: components["schemas"]["RuleTraceDto"][];
        };
        RecommendationSummaryDto: {
            monthlyBenefitFen: number;
            /** @enum {string} */
            outcome: "ELIGIBLE" | "INELIGIBLE" | "NEEDS_REVIEW";
        };
        /**
         * @description The worst state among live workers; UNKNOWN when no worker reports.
         * @enum {string}
         */
        ReportedCircuitState: "CLOSED" | "OPEN" | "HALF_OPEN" | "ISOLATED" | "UNKNOWN";
        ReviewBatchDto: {
            areaCode: string;
            /** @description Waiting for a township opinion or a county decision */
            awaitingDecision: number;
            /** @description Closed with a result */
            closed: number;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date */
            dueOnOrBefore: string | null;
            /** @description Ended without a result (cancelled) */
            failed: number;
            /** Format: uuid */
            id: string;
            /** @enum {string|null} */
            programme: "DIBAO" | "EDGE" | "TEKUN" | null;
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            status: "RUNNING" | "COMPLETE";
            /** @description Households in the batch */
            total: number;
            /** @description Closed as UNCHANGED */
            unchanged: number;
            /** @description Not yet past verification */
            verifying: number;
        };
        ReviewBatchListDto: {
            items: components["schemas"]["ReviewBatchDto"][];
        };
        ReviewCountsDto: {
            /** @example 1 */
            open: number;
            /** @example 0 */
            overdue: number;
        };
        ReviewDeadlinesDto: {
            /** Format: date */
            decisionDueOn: string | null;
            overdue: boolean;
            /** Format: date */
            reviewDueOn: string;
        };
        ReviewDecisionDto: {
            /**
             * @description APPROVE applies the proposal; REJECT keeps the benefit
             * @enum {string}
             */
            decision: "APPROVE" | "REJECT";
            /** @description APPROVE only: the new amount in fen instead of the proposal’s */
            monthlyBenefitFen?: number;
            /** @description Required for a DECREASE, STOP or GRADUAL_EXIT, for REJECT, and with reviewCategory (Art. 32) */
            reason?: string;
            /**
             * @description Sets the review category (with a reason)
             * @enum {string}
             */
            reviewCategory?: "YEARLY" | "HALF_YEARLY";
        };
        ReviewDecisionViewDto: {
            /** @enum {string} */
            change: "CONTINUE" | "INCREASE" | "DECREASE" | "GRADUAL_EXIT" | "STOP";
            /** Format: date-time */
            decidedAt: string;
            decidedBy: string;
            decidedByUsername: string;
            /** @enum {string} */
            decision: "APPROVE" | "REJECT";
            /** @example 2027-01 */
            effectiveMonth: string | null;
            monthlyBenefitFen: number | null;
            reason: string | null;
            /** @enum {string|null} */
            reviewCategory: "YEARLY" | "HALF_YEARLY" | null;
        };
        ReviewListDto: {
            items: components["schemas"]["ReviewViewDto"][];
        };
        ReviewOpinionDto: {
            /** @description 1–2000 characters */
            comment: string;
            investigation?: components["schemas"]["InvestigationDto"] | null;
            /**
             * @description Agreement with the proposal
             * @enum {string}
             */
            opinion: "AGREE" | "DISAGREE";
        };
        ReviewOpinionViewDto: {
            comment: string;
            investigation: components["schemas"]["InvestigationDto"] | null;
            /** @enum {string} */
            opinion: "AGREE" | "DISAGREE";
            /** Format: date-time */
            reviewedAt: string;
            /** @description User id ("system" for an automatic close) */
            reviewedBy: string;
            reviewedByUsername: string;
        };
        ReviewPageDto: {
            items: components["schemas"]["ReviewViewDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        ReviewViewDto: {
            /** Format: uuid */
            batchId: string | null;
            /** Format: uuid */
            beneficiaryId: string;
            /** Format: date-time */
            closedAt: string | null;
            deadlines: components["schemas"]["ReviewDeadlinesDto"];
            decision: components["schemas"]["ReviewDecisionViewDto"] | null;
            delta: components["schemas"]["DeltaEntryDto"][] | null;
            /** Format: uuid */
            id: string;
            note: string | null;
            number: string;
            /** Format: date-time */
            openedAt: string;
            /** @description Username of who opened it ("system" for a batch) */
            openedBy: string;
            proposal: components["schemas"]["ProposalDto"] | null;
            /** @enum {string} */
            reason: "PERIODIC" | "LIFE_EVENT" | "COMPLAINT" | "CHANGE_REPORTED";
            /** @description SPEC 6.4 */
            recommendation: {
                [key: string]: unknown;
            } | null;
            /** @enum {string|null} */
            result: "UNCHANGED" | "ADJUSTED" | "GRADUAL_EXIT" | "STOPPED" | "KEPT" | null;
            /** @enum {string} */
            status: "AWAITING_AUTHORIZATION" | "VERIFYING" | "VERIFIED" | "AWAITING_COUNTY_DECISION" | "CLOSED";
            townshipReview: components["schemas"]["ReviewOpinionViewDto"] | null;
            /** @description The run view of SPEC 5.3 (runId, status, checks, report, recommendation); null in lists */
            verification: {
                [key: string]: unknown;
            } | null;
            version: number;
        };
        /** @enum {string} */
        Role: "STATION_OPERATOR" | "TOWNSHIP_REVIEWER" | "VERIFICATION_OFFICER" | "COUNTY_APPROVER" | "CITY_SUPERVISOR" | "AUDITOR" | "INTEGRATION" | "ADMIN";
        RuleTraceDto: {
            /** @description The figures the rule used. */
            detail: string;
            /** @enum {string} */
            id: "INCOME" | "FINANCIAL_ASSETS" | "VEHICLES" | "DWELLINGS" | "ENTERPRISE" | "PUBLIC_PAYROLL" | "ALREADY_ASSISTED" | "NO_LABOUR_CAPACITY" | "NO_ABLE_SUPPORTER" | "DATA_COMPLETE";
            legalBasis: string;
            /** @enum {string} */
            result: "PASS" | "FAIL" | "REVIEW";
        };
        SetPasswordDto: {
            password: string;
        };
        SignedDecisionRecordDto: {
            /** @description kid of the key at GET /api/v1/keys. */
            keyId: string;
            /** @description The record: household snapshot, every source response with its SHA-256, policy, rule trace, outcome and the decisions added so far. Signed as its RFC 8785 canonical JSON. */
            record: {
                [key: string]: unknown;
            };
            /** @description SHA-256 (hex) of the canonical JSON of `record`. */
            recordHash: string;
            /** @description Base64 Ed25519 signature of the same canonical JSON bytes. */
            signature: string;
            /** @enum {string} */
            signatureAlgorithm: "Ed25519";
        };
        /** @enum {string} */
        SourceCode: "HUKOU" | "VEHICLE" | "SOCIAL_SECURITY" | "REAL_ESTATE" | "MARKET_REGULATION" | "TAX" | "HOUSING_FUND" | "BANKING" | "CIVIL_AFFAIRS" | "DISABILITY" | "PUBLIC_PAYROLL";
        SourceLatencyDto: {
            /** @description Median call time, ms; null without calls. */
            p50: number | null;
            /** @description 95th percentile call time, ms; null without calls. */
            p95: number | null;
        };
        SourceReportRowDto: {
            /** @description Calls that reached the department in the last hour (one per batch). */
            calls: number;
            /** @description The worst state among live workers; UNKNOWN when no worker reports. */
            circuit: components["schemas"]["ReportedCircuitState"];
            /** @description Of those, the ones that failed (timeout, 5xx, refused, malformed). */
            failures: number;
            latencyMs: components["schemas"]["SourceLatencyDto"];
            /** @description Calls the open circuit refused without sending them. */
            shortCircuited: number;
            /** @example HUKOU */
            source: components["schemas"]["SourceCode"];
            workers: components["schemas"]["CircuitWorkersDto"];
        };
        SourcesReportDto: {
            /**
             * Format: date-time
             * @description Start of the hour reported.
             */
            from: string;
            /** @description Every department, in a fixed order. */
            sources: components["schemas"]["SourceReportRowDto"][];
            /** Format: date-time */
            to: string;
        };
        StationStaffDto: {
            /**
             * @description Users of the township with STATION_OPERATOR.
             * @example 1
             */
            stationOperators: number;
            /**
             * @description Users with either role (one person may hold both).
             * @example 2
             */
            total: number;
            /**
             * @description Users of the township with TOWNSHIP_REVIEWER.
             * @example 1
             */
            townshipReviewers: number;
        };
        TownshipReviewDto: {
            comment: string;
            investigation?: components["schemas"]["InvestigationDto"] | null;
            /** @enum {string} */
            opinion: "RECOMMEND_APPROVE" | "RECOMMEND_REJECT";
        };
        TownshipReviewViewDto: {
            comment: string;
            investigation: components["schemas"]["InvestigationViewDto"] | null;
            /** @enum {string} */
            opinion: "RECOMMEND_APPROVE" | "RECOMMEND_REJECT";
            /** Format: date-time */
            reviewedAt: string;
            /** @description Username of the reviewer. */
            reviewedBy: string;
        };
        TownshipWorkloadDto: {
            beneficiaries: components["schemas"]["BeneficiariesByStatusDto"];
            /**
             * @description Final decisions (APPROVE or REJECT) in the last 30 days.
             * @example 5
             */
            decidedLast30Days: number;
            /**
             * @description Median calendar days from creation to final decision (one decimal); null when none.
             * @example 21.5
             */
            medianDaysToDecision: number | null;
            /** @example 朝阳街道 */
            name: string;
            open: components["schemas"]["OpenByStatusDto"];
            /** @example 11 */
            openTotal: number;
            /**
             * @description Open cases past a deadline of SPEC 4.
             * @example 0
             */
            overdue: number;
            reviews: components["schemas"]["ReviewCountsDto"];
            staff: components["schemas"]["StationStaffDto"];
            /** @example 431102001 */
            townshipCode: string;
            /** @description No station operator: the station cannot take applications. */
            understaffed: boolean;
        };
        UnverifiedMemberDto: {
            /** Format: uuid */
            memberId: string;
            /** @enum {string} */
            reason: "NOT_AUTHORIZED";
        };
        UpdateUserDto: {
            /** @description false deactivates the user: no login, and every token stops working */
            active?: boolean;
            /** @example 431102001 */
            areaCode?: string;
            /** @example 朝阳街道核对站 王芳 */
            displayName?: string;
            roles?: ("STATION_OPERATOR" | "TOWNSHIP_REVIEWER" | "VERIFICATION_OFFICER" | "COUNTY_APPROVER" | "CITY_SUPERVISOR" | "AUDITOR" | "INTEGRATION" | "ADMIN")[];
        };
        UserListDto: {
            items: components["schemas"]["UserViewDto"][];
        };
        UserViewDto: {
            /** @description false: the user cannot log in and has no working token */
            active: boolean;
            /** @example 431102001 */
            areaCode: string;
            /** Format: date-time */
            createdAt: string;
            /** @example 朝阳街道核对站 王芳 */
            displayName: string;
            /** Format: uuid */
            id: string;
            roles: components["schemas"]["Role"][];
            /** @example op-431102001 */
            username: string;
        };
        VerificationReportDto: {
            /** Format: uuid */
            applicationId: string;
            discrepancies: components["schemas"]["DiscrepancyDto"][];
            /** Format: date-time */
            generatedAt: string;
            household: components["schemas"]["HouseholdReportDto"];
            members: components["schemas"]["MemberReportDto"][];
            missingSources: ("HUKOU" | "VEHICLE" | "SOCIAL_SECURITY" | "REAL_ESTATE" | "MARKET_REGULATION" | "TAX" | "HOUSING_FUND" | "BANKING" | "CIVIL_AFFAIRS" | "DISABILITY" | "PUBLIC_PAYROLL")[];
            notCounted: components["schemas"]["NotCountedDto"][];
            number: string;
            policyVersion: string;
            /** @enum {string} */
            programme: "DIBAO" | "EDGE" | "TEKUN";
            /** @enum {string} */
            residence: "URBAN" | "RURAL";
            /** Format: uuid */
            runId: string;
            /** @enum {string} */
            runStatus: "COMPLETE" | "INCOMPLETE";
            unverifiedMembers: components["schemas"]["UnverifiedMemberDto"][];
        };
        VerificationRunViewDto: {
            checks: components["schemas"]["CheckViewDto"][];
            /** Format: date-time */
            completedAt: string | null;
            recommendation: components["schemas"]["RecommendationDto"] | null;
            report: components["schemas"]["VerificationReportDto"] | null;
            /** Format: uuid */
            runId: string;
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            status: "RUNNING" | "COMPLETE" | "INCOMPLETE" | "CANCELLED";
        };
        VerifiedAssetsReportDto: {
            activeEnterprises: number;
            depositsFen: number;
            dwellings: number;
            financialAssetsFen: number;
            securitiesFen: number;
            vehicles: number;
            wealthProductsFen: number;
        };
        VerifiedIncomeDto: {
            /** @description Always null: no source reports business income. */
            businessFen: number | null;
            /** @description Always null: no source reports property income. */
            propertyFen: number | null;
            transferFen: number;
            wageFen: number;
            /** @enum {string|null} */
            wageSource: "SOCIAL_SECURITY" | "HOUSING_FUND" | "TAX" | null;
        };
        WithdrawBeneficiaryDto: {
            /** @description Why the family withdraws (1–500 characters) */
            reason: string;
        };
        WithdrawDto: {
            reason: string;
        };
        WorkloadReportDto: {
            /** @example 431102 */
            areaCode: string;
            /** Format: date-time */
            generatedAt: string;
            totals: components["schemas"]["WorkloadTotalsDto"];
            townships: components["schemas"]["TownshipWorkloadDto"][];
            /** @example 30 */
            windowDays: number;
        };
        WorkloadTotalsDto: {
            beneficiaries: components["schemas"]["BeneficiariesByStatusDto"];
            decidedLast30Days: number;
            medianDaysToDecision: number | null;
            open: components["schemas"]["OpenByStatusDto"];
            openTotal: number;
            overdue: number;
            reviews: components["schemas"]["ReviewCountsDto"];
            /** @description Station staff (operators and reviewers) in the area. */
            staff: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    ApplicationsController_list: {
        parameters: {
            query?: {
                /** @description An area inside the caller’s scope (county or township code) */
                areaCode?: string;
                page?: number;
                pageSize?: number;
                programme?: "DIBAO" | "EDGE" | "TEKUN";
                /** @description Matches the application number or the applicant’s name */
                q?: string;
                status?: "AWAITING_AUTHORIZATION" | "VERIFYING" | "VERIFIED" | "IN_PUBLIC_NOTICE" | "AWAITING_COUNTY_DECISION" | "APPROVED" | "REJECTED" | "WITHDRAWN";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationPageDto"];
                };
            };
        };
    };
    ApplicationsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–128 characters */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApplicationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationViewDto"];
                };
            };
        };
    };
    ApplicationsController_view: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationViewDto"];
                };
            };
        };
    };
    ApplicationWorkflowController_audit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditTrailDto"];
                };
            };
        };
    };
    ApplicationWorkflowController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationViewDto"];
                };
            };
        };
    };
    ApplicationWorkflowController_decisionRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedDecisionRecordDto"];
                };
            };
        };
    };
    ApplicationsController_recordAuthorization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthorizationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationViewDto"];
                };
            };
        };
    };
    ApplicationsController_revokeAuthorization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationViewDto"];
                };
            };
        };
    };
    ApplicationWorkflowController_objection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationViewDto"];
                };
            };
        };
    };
    VerificationController_reverify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationViewDto"];
                };
            };
        };
    };
    ApplicationWorkflowController_townshipReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TownshipReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationViewDto"];
                };
            };
        };
    };
    VerificationController_run: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationRunViewDto"];
                };
            };
        };
    };
    VerificationController_sources: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApplicationsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationViewDto"];
                };
            };
        };
    };
    AreasController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AreaWithChildrenDto"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                action?: string;
                /** @description The acting user’s username. */
                actor?: string;
                applicationId?: string;
                /** @description Entries at or after this instant (ISO 8601). */
                from?: string;
                page?: number;
                pageSize?: number;
                /** @description Entries at or before this instant (ISO 8601). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
        };
    };
    AuditController_anchors: {
        parameters: {
            query?: {
                /** @description One chain (county or city code); every chain in scope when absent. */
                chain?: string;
                /** @description Anchors taken at or after this instant (ISO 8601). */
                from?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditAnchorListDto"];
                };
            };
        };
    };
    AuditController_takeAnchors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditAnchorsTakenDto"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: {
                /** @description A county code, or the city code for city-level actions; every chain in scope when absent. */
                chain?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerificationDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description Wrong username or password, or an inactive user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many failed logins for this username or address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every token issued to the caller so far stops working */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BeneficiariesController_list: {
        parameters: {
            query?: {
                /** @description An area inside the caller’s scope (county or township code) */
                areaCode?: string;
                page?: number;
                pageSize?: number;
                programme?: "DIBAO" | "EDGE" | "TEKUN";
                /** @description The number (of the enrolling application) or the applicant’s name */
                q?: string;
                /** @description Households whose next review is due before this date */
                reviewDueBefore?: string;
                status?: "ACTIVE" | "UNDER_REVIEW" | "GRADUAL_EXIT" | "STOPPED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeneficiaryPageDto"];
                };
            };
        };
    };
    BeneficiariesController_view: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeneficiaryViewDto"];
                };
            };
        };
    };
    BeneficiariesController_listReviews: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewListDto"];
                };
            };
        };
    };
    BeneficiariesController_openReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenReviewDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewViewDto"];
                };
            };
        };
    };
    BeneficiariesController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawBeneficiaryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeneficiaryViewDto"];
                };
            };
        };
    };
    CalendarController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearListDto"];
                };
            };
        };
    };
    CalendarController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A year from 2000 to 2100, four digits. */
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearDto"];
                };
            };
            /** @description Not a year from 2000 to 2100 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No calendar is loaded for that year */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A year from 2000 to 2100, four digits. */
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutCalendarYearDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearDto"];
                };
            };
            /** @description Every problem of the year and the body, each with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    KeysController_keys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedKeysDto"];
                };
            };
        };
    };
    LifeEventsController_report: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LifeEventDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LifeEventAnswerDto"];
                };
            };
        };
    };
    UsersController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDto"];
                };
            };
        };
    };
    UsersController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description The password is changed; log in again */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The current password is wrong, or the new one is too short */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many wrong current passwords */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PolicyController_get: {
        parameters: {
            query?: {
                /** @description The area the parameters should apply to; the caller’s own area when absent. */
                areaCode?: string;
                /** @description The date the parameters should be effective on; today in China when absent. */
                on?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EffectivePolicyDto"];
                };
            };
            /** @description Outside the caller’s scope, an unknown area, or no version effective yet */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PolicyController_add: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddPolicyVersionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersionDto"];
                };
            };
            /** @description The area already has a version effective on that date */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PolicyController_versions: {
        parameters: {
            query?: {
                /** @description The area whose governing versions (its own, its county’s, its city’s) to list; the caller’s own area when absent. */
                areaCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersionListDto"];
                };
            };
            /** @description Outside the caller’s scope, or an unknown area */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SourceReportController_report: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourcesReportDto"];
                };
            };
        };
    };
    ReportsController_report: {
        parameters: {
            query?: {
                /** @description A city, county or township inside the caller’s scope; the caller’s own area when absent. */
                areaCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkloadReportDto"];
                };
            };
            /** @description The area is outside the caller’s scope or unknown */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReviewBatchesController_list: {
        parameters: {
            query?: {
                /** @description An area inside the caller’s scope */
                areaCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewBatchListDto"];
                };
            };
        };
    };
    ReviewBatchesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReviewBatchDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewBatchDto"];
                };
            };
        };
    };
    ReviewBatchesController_view: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewBatchDto"];
                };
            };
        };
    };
    ReviewsController_list: {
        parameters: {
            query?: {
                /** @description An area inside the caller’s scope */
                areaCode?: string;
                batchId?: string;
                page?: number;
                pageSize?: number;
                status?: "AWAITING_AUTHORIZATION" | "VERIFYING" | "VERIFIED" | "AWAITING_COUNTY_DECISION" | "CLOSED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewPageDto"];
                };
            };
        };
    };
    ReviewsController_view: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewViewDto"];
                };
            };
        };
    };
    ReviewsController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewDecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewViewDto"];
                };
            };
        };
    };
    ReviewsController_recordAuthorization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthorizationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewViewDto"];
                };
            };
        };
    };
    ReviewsController_revokeAuthorization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewViewDto"];
                };
            };
        };
    };
    ReviewsController_townshipReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewOpinionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewViewDto"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserListDto"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDto"];
                };
            };
            /** @description Invalid body, or a role that does not fit the area’s level */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The username is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDto"];
                };
            };
            /** @description Invalid body, or roles that do not fit the area’s level */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description It would leave no active ADMIN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetPasswordDto"];
            };
        };
        responses: {
            /** @description The password is set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The password is shorter than 12 characters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                    };
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                    };
                };
            };
        };
    };
}
