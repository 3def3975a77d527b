/**
 * Generated – do not edit. Run `npm run api:types` after changing a route or a response schema.
 * Source: the worker's OpenAPI 3.1 document (/api/openapi.json), via dev/api-types.ts and openapi-typescript.
 */

export interface paths {
    "/api/auth/wechat-login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 小程序登录：wx.login 的 code 换取会话 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        nickname?: string;
                    };
                };
            };
            responses: {
                /** @description { token, shopper } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ShopperSession"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/dev-login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 本地开发登录（仅 DEV_LOGIN=1 时可用）：按昵称登录 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nickname: string;
                    };
                };
            };
            responses: {
                /** @description { token, shopper } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ShopperSession"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/staff-login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 商家/客服登录 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description { token, staff } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StaffSession"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前登录身份 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 当前身份 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Principal"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 员工令牌续期：用 refreshToken 换取新令牌（refreshToken 随之轮换，旧的再用会结束该会话） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description { token, refreshToken, expiresAt } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RefreshedSession"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录（本设备）：令牌立即失效 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { endedSessions } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LogoutResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出所有设备：本账号的全部令牌立即失效 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { endedSessions } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LogoutResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 分类树 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 分类树 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CategoryTree"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 商品列表与搜索（游标分页；筛选：分类、品牌、价格区间、attr.<属性>=值/区间，属性见 /api/product-filters）；搜索词有错别字时自动纠正（correction），无结果时给出相关推荐（related） */
        get: {
            parameters: {
                query?: {
                    categoryId?: number;
                    q?: string;
                    /** @description 品牌，多个用逗号分隔 */
                    brand?: string;
                    /** @description 最低价（分） */
                    priceMin?: number | null;
                    /** @description 最高价（分） */
                    priceMax?: number | null;
                    sort?: "newest" | "price_asc" | "price_desc" | "sales" | "relevance";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, nextCursor, correction, related } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SearchPage"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/product-filters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 分类的属性筛选项（如 空调：匹数、挂机/柜机；洗衣机：洗涤容量、滚筒/波轮；电视：屏幕尺寸） */
        get: {
            parameters: {
                query?: {
                    categoryId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items: [{ key, label, options }] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Facets"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search/hot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 热门搜索（近 30 天顾客搜索且有结果的词，按次数） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items: [{ term, count }] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HotSearches"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 商品详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 商品详情（SKU、规格、图片） */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/brands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 品牌筛选项 */
        get: {
            parameters: {
                query?: {
                    categoryId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items: [{brand, count}] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BrandFacets"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/home": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 首页：轮播图与推荐商品 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 首页数据 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HomeFeed"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/restock-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 该商品中我在等待到货的规格 */
        get: {
            parameters: {
                query: {
                    productId: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { skuIds } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RestockPending"];
                    };
                };
            };
        };
        put?: never;
        /** 到货通知：订阅无货的规格，到货时经消息中心（及订阅消息）通知一次 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        skuId: number;
                    };
                };
            };
            responses: {
                /** @description 已订阅（重复订阅同样返回） */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RestockSubscription"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 全部分类（平铺，含各分类的属性） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 分类 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminCategoryList"];
                    };
                };
            };
        };
        put?: never;
        /** 新建分类 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default null */
                        parentId?: number | null;
                        /** @default null */
                        icon?: string | null;
                        /** @default 0 */
                        sortOrder?: number;
                        /**
                         * @description 该分类商品填写的属性，按显示顺序
                         * @default []
                         */
                        attributeKeys?: ("energy_grade" | "screen_inch" | "resolution" | "refresh_rate_hz" | "capacity_l" | "door_type" | "capacity_kg" | "washer_type" | "horsepower" | "ac_type" | "inverter" | "power_w" | "noise_db" | "width_mm" | "height_mm" | "depth_mm")[];
                    };
                };
            };
            responses: {
                /** @description 分类 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminCategory"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/attributes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可用的商品属性定义（分类从中选择自己的属性） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 属性定义 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AttributeDefinitions"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改分类 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default null */
                        parentId?: number | null;
                        /** @default null */
                        icon?: string | null;
                        /** @default 0 */
                        sortOrder?: number;
                        /**
                         * @description 该分类商品填写的属性，按显示顺序
                         * @default []
                         */
                        attributeKeys?: ("energy_grade" | "screen_inch" | "resolution" | "refresh_rate_hz" | "capacity_l" | "door_type" | "capacity_kg" | "washer_type" | "horsepower" | "ac_type" | "inverter" | "power_w" | "noise_db" | "width_mm" | "height_mm" | "depth_mm")[];
                    };
                };
            };
            responses: {
                /** @description 分类 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminCategory"];
                    };
                };
            };
        };
        post?: never;
        /** 删除空分类 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { ok } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 商品列表（全部状态） */
        get: {
            parameters: {
                query?: {
                    categoryId?: number;
                    q?: string;
                    /** @description 品牌，多个用逗号分隔 */
                    brand?: string;
                    /** @description 最低价（分） */
                    priceMin?: number | null;
                    /** @description 最高价（分） */
                    priceMax?: number | null;
                    sort?: "newest" | "price_asc" | "price_desc" | "sales" | "relevance";
                    cursor?: string;
                    limit?: number;
                    status?: "draft" | "on_sale" | "off_shelf" | "any";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, nextCursor } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminProductPage"];
                    };
                };
            };
        };
        put?: never;
        /** 新建商品（含 SKU） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        categoryId: number;
                        name: string;
                        /** @default  */
                        subtitle?: string;
                        /** @default  */
                        descriptionHtml?: string;
                        brand: string;
                        /**
                         * @default draft
                         * @enum {string}
                         */
                        status?: "draft" | "on_sale" | "off_shelf";
                        /** @default 12 */
                        warrantyMonths?: number;
                        /** @default {} */
                        attributes?: {
                            [key: string]: string | number;
                        };
                        /** @default [] */
                        images?: string[];
                        skus: {
                            /** @description 已有 SKU 的 id；省略表示新建 */
                            id?: number;
                            skuCode: string;
                            specs: {
                                [key: string]: string;
                            };
                            priceFen: number;
                            originalPriceFen?: number | null;
                            barcode?: string | null;
                            /** @default 0 */
                            weightG?: number;
                            /** @default 0 */
                            volumeCm3?: number;
                            image?: string | null;
                            /** @default true */
                            active?: boolean;
                        }[];
                    };
                };
            };
            responses: {
                /** @description 商品 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminProduct"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 商品详情（含草稿、停用 SKU） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 商品 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminProduct"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改商品；传 skus 时按 id 更新、无 id 新建、缺席的 SKU 停用（不删除，已有订单不受影响） */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        categoryId?: number;
                        name?: string;
                        subtitle?: string;
                        descriptionHtml?: string;
                        brand?: string;
                        /** @enum {string} */
                        status?: "draft" | "on_sale" | "off_shelf";
                        warrantyMonths?: number;
                        attributes?: {
                            [key: string]: string | number;
                        };
                        images?: string[];
                        skus?: {
                            /** @description 已有 SKU 的 id；省略表示新建 */
                            id?: number;
                            skuCode: string;
                            specs: {
                                [key: string]: string;
                            };
                            priceFen: number;
                            originalPriceFen?: number | null;
                            barcode?: string | null;
                            /** @default 0 */
                            weightG?: number;
                            /** @default 0 */
                            volumeCm3?: number;
                            image?: string | null;
                            /** @default true */
                            active?: boolean;
                        }[];
                    };
                };
            };
            responses: {
                /** @description 商品 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminProduct"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/products/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上架 / 下架 / 转为草稿 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "draft" | "on_sale" | "off_shelf";
                    };
                };
            };
            responses: {
                /** @description 商品 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminProduct"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/products/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 批量导入商品：JSON 数组或 CSV（text/csv，每行一个 SKU，按 product_ref 归组）；返回逐行错误报告 */
        post: {
            parameters: {
                query?: {
                    dryRun?: "0" | "1" | "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 逐个商品的导入报告 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportReport"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/banners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 轮播图列表 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AdminBanner"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建轮播图 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        image: string;
                        /**
                         * @default none
                         * @enum {string}
                         */
                        linkType?: "product" | "category" | "search" | "none";
                        /** @default  */
                        linkValue?: string;
                        /** @default 0 */
                        sortOrder?: number;
                        /** @default true */
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description 轮播图 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminBanner"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/banners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改轮播图 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        image: string;
                        /**
                         * @default none
                         * @enum {string}
                         */
                        linkType?: "product" | "category" | "search" | "none";
                        /** @default  */
                        linkValue?: string;
                        /** @default 0 */
                        sortOrder?: number;
                        /** @default true */
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description 轮播图 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminBanner"];
                    };
                };
            };
        };
        post?: never;
        /** 删除轮播图 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { ok } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/home/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置首页推荐商品（按顺序） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        productIds: number[];
                    };
                };
            };
            responses: {
                /** @description { ok } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/faq": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 常见问题（按分类） */
        get: {
            parameters: {
                query?: {
                    category?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { categories: [{ name, items: [{ id, question, answer }] }] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FaqByCategory"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/faq/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 搜索常见问题（与客服机器人相同的检索排序） */
        get: {
            parameters: {
                query: {
                    q: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items: [{ id, question, answer, category, confidence }] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FaqSearchResult"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/faq": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** FAQ 列表（含停用） */
        get: {
            parameters: {
                query?: {
                    category?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FaqAdminList"];
                    };
                };
            };
        };
        put?: never;
        /** 新建 FAQ */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        question: string;
                        answer: string;
                        /** @default [] */
                        keywords?: string[];
                        category: string;
                        /** @default true */
                        enabled?: boolean;
                        /** @default 0 */
                        sortOrder?: number;
                        /**
                         * @description 稳定编号；省略时自动生成
                         * @example return-7day
                         */
                        id?: string;
                    };
                };
            };
            responses: {
                /** @description FAQ */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FaqAdminEntry"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/faq/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** FAQ 详情 */
        get: {
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
                /** @description FAQ */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FaqAdminEntry"];
                    };
                };
            };
        };
        /** 修改 FAQ（整体替换） */
        put: {
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
                    "application/json": {
                        question: string;
                        answer: string;
                        /** @default [] */
                        keywords?: string[];
                        category: string;
                        /** @default true */
                        enabled?: boolean;
                        /** @default 0 */
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description FAQ */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FaqAdminEntry"];
                    };
                };
            };
        };
        post?: never;
        /** 删除 FAQ */
        delete: {
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
                /** @description { ok } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 部分修改 FAQ（如启用/停用） */
        patch: {
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
                    "application/json": {
                        question?: string;
                        answer?: string;
                        keywords?: string[];
                        category?: string;
                        enabled?: boolean;
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description FAQ */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FaqAdminEntry"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/faq/try": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 试一试：机器人会怎样回答这个问题（与顾客在会话中提问相同；不建会话） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        question: string;
                    };
                };
            };
            responses: {
                /** @description { answer, confidence, escalates, … } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FaqTryResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/warranty-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 各品类保修政策 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items: [{ slug, category, wholeUnitYears, mainParts, mainPartsYears, extensions, exclusions, description }] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WarrantyPolicyList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/outlets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 维修网点（按城市、品类筛选；提供经纬度时按距离由近到远） */
        get: {
            parameters: {
                query?: {
                    city?: string;
                    /** @description 顾客纬度（GCJ-02） */
                    lat?: number | null;
                    /** @description 顾客经度（GCJ-02） */
                    lng?: number | null;
                    category?: "tv" | "fridge" | "washer" | "ac" | "water-heater" | "small-appliance";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items: [{ id, name, city, district, address, phone, hours, lat, lng, categories, distanceM? }] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OutletList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/outlets/cities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 有维修网点的城市 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items: [{ city, count }] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OutletCities"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/warranty/order-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已购商品的保修状态（自签收日起计算） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 订单商品 id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { orderItemId, orderNo, productName, policy, delivered, deliveredAt?, status? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ItemWarranty"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/warranty/by-serial/{serial}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 按序列号查询保修（安装完工时登记，自安装日起计算） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 设备序列号（安装完工时登记） */
                    serial: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { serialNo, productName, specs, installedAt, policy, status } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SerialWarranty"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/orders/{orderNo}/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单各商品可申请的售后类型（服务端判定：仅退款/退货退款/换货/维修）、可申请件数和单件实付金额 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 订单号 */
                    orderNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 每个订单商品的售后资格 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseEligibility"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传售后图片（请求体为图片原始字节或 multipart 字段 file；JPG/PNG/WebP，≤ 5MB） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description { key, url }：申请售后时在 photos 中提交 key */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CasePhoto"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的售后单（新的在前） */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, nextCursor } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseList"];
                    };
                };
            };
        };
        put?: never;
        /** 申请售后（选择商品和件数、类型、原因、描述和图片） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orderNo: string;
                        /** @enum {string} */
                        type: "refund_only" | "return_refund" | "exchange" | "repair";
                        /** @enum {string} */
                        reasonCode: "no_reason" | "quality" | "damaged_on_arrival" | "wrong_item" | "not_as_described" | "not_received" | "other";
                        /** @default  */
                        description?: string;
                        /** @default [] */
                        photos?: string[];
                        items: {
                            orderItemId: number;
                            quantity: number;
                        }[];
                        /**
                         * @description 顾客声明商品未使用（七天无理由退货需要）
                         * @default false
                         */
                        unused?: boolean;
                    };
                };
            };
            responses: {
                /** @description 新的售后单 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/cases/{caseNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 售后单详情（进度、退款金额与状态、寄回地址、期限、可执行操作） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 售后单号（AS 开头） */
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 售后单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/cases/{caseNo}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤销售后申请（待审核或待寄回时） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 售后单号（AS 开头） */
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 售后单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/cases/{caseNo}/return-shipment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 寄回商品：{ carrier, trackingNo }，或大件预约上门取件 { pickup: { date, slot } } */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 售后单号（AS 开头） */
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier: string;
                        trackingNo: string;
                    } | {
                        pickup: {
                            date: string;
                            slot: string;
                        };
                    };
                };
            };
            responses: {
                /** @description 售后单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/cases/{caseNo}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认收到换货商品 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 售后单号（AS 开头） */
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 售后单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 售后单列表（可按状态筛选，新的在前） */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    status?: "applied" | "approved" | "refused" | "return_shipped" | "received" | "refunding" | "refunded" | "exchange_shipped" | "repairing" | "done" | "closed" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, nextCursor } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/cases/{caseNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 售后单详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 售后单号（AS 开头） */
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 售后单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/cases/{caseNo}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 同意售后申请（仅退款即时退款；维修即时创建维修工单；退货/换货等待顾客寄回） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 售后单号（AS 开头） */
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 售后单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/cases/{caseNo}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 拒绝售后申请（需填写原因；商品可再次申请） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 售后单号（AS 开头） */
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description 售后单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/cases/{caseNo}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 收货验货：各商品收到件数与损坏件数；完好的退回库存，退货退款随即发起退款 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 售后单号（AS 开头） */
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            orderItemId: number;
                            receivedQty: number;
                            damagedQty: number;
                        }[];
                        /** @default  */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description 售后单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/cases/{caseNo}/ship-exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发出换货商品（从库存出库，记录快递单号） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 售后单号（AS 开头） */
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier: string;
                        trackingNo: string;
                    };
                };
            };
            responses: {
                /** @description 售后单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/categories/{id}/no-reason-return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置品类是否支持七天无理由退货（如嵌入式家电安装后不支持） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 品类 id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allowed: boolean;
                    };
                };
            };
            responses: {
                /** @description { id, name, noReasonReturn } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CategoryNoReasonReturn"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 购物车（下架/售罄商品会被标记，不会被删除） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, summary } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Cart"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 加入购物车（已有则累加数量） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        skuId: number;
                        /** @default 1 */
                        quantity?: number;
                    };
                };
            };
            responses: {
                /** @description 购物车 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Cart"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/items/{skuId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 移除商品 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    skuId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 购物车 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Cart"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改数量或勾选状态 */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    skuId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        quantity?: number;
                        selected?: boolean;
                    };
                };
            };
            responses: {
                /** @description 购物车 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Cart"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cart/select": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 批量勾选 / 取消勾选（不传 skuIds 为全选） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        skuIds?: number[];
                        selected: boolean;
                    };
                };
            };
            responses: {
                /** @description 购物车 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Cart"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 批量移除 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        skuIds: number[];
                    };
                };
            };
            responses: {
                /** @description 购物车 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Cart"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 收货地址列表 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AddressList"];
                    };
                };
            };
        };
        put?: never;
        /** 新增收货地址（省/市/区 + 详细地址） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        receiverName: string;
                        phone: string;
                        /**
                         * @description 省份编码（GB/T 2260）
                         * @example 440000
                         */
                        provinceCode: string;
                        /**
                         * @description 城市编码（GB/T 2260）
                         * @example 440300
                         */
                        cityCode: string;
                        /**
                         * @description 区县编码（GB/T 2260）
                         * @example 440305
                         */
                        districtCode: string;
                        detail: string;
                        /** @default false */
                        isDefault?: boolean;
                    };
                };
            };
            responses: {
                /** @description 地址 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Address"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/addresses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改收货地址 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        receiverName: string;
                        phone: string;
                        /**
                         * @description 省份编码（GB/T 2260）
                         * @example 440000
                         */
                        provinceCode: string;
                        /**
                         * @description 城市编码（GB/T 2260）
                         * @example 440300
                         */
                        cityCode: string;
                        /**
                         * @description 区县编码（GB/T 2260）
                         * @example 440305
                         */
                        districtCode: string;
                        detail: string;
                        /** @default false */
                        isDefault?: boolean;
                    };
                };
            };
            responses: {
                /** @description 地址 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Address"];
                    };
                };
            };
        };
        post?: never;
        /** 删除收货地址 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { ok } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/checkout/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结算页报价：商品、运费、优惠、应付（服务器计算，客户端价格一律忽略） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items?: {
                            skuId: number;
                            quantity: number;
                        }[];
                        addressId?: number;
                        couponId?: number | null;
                        installation?: components["schemas"]["InstallationChoices"];
                        /** @description 以旧换新：每行新机最多一台旧机；抵扣金额由服务器按估价表计算 */
                        tradeIns?: components["schemas"]["TradeInDeclaration"][];
                        groupBuy?: {
                            offerId: number;
                            groupNo?: string;
                        };
                        usePoints?: boolean;
                    };
                };
            };
            responses: {
                /** @description { items, adjustments, itemsTotalFen, shippingFen, discountFen, payableFen, orderable, problems } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Quote"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/delivery/estimate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 商品页“送至 / 运费 / 预计送达”：一件该规格送到所选区县（不传则用登录顾客的默认地址）的运费与预计送达日期 */
        get: {
            parameters: {
                query: {
                    skuId: number;
                    districtCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { region, deliverable, freightFen, freightLabel, deliveryPromise } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeliveryEstimate"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/shop-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 店铺设置：运费规则、未支付自动取消分钟数、自动确认收货天数 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 设置 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        /** 修改店铺设置 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        shipping: {
                            flatFeeFen: number;
                            freeOverFen: number | null;
                        };
                        autoCancelMinutes: number;
                        autoCompleteDays: number;
                    };
                };
            };
            responses: {
                /** @description 设置 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的订单（tab: all 全部 / unpaid 待付款 / to_ship 待发货 / to_receive 待收货 / completed 已完成） */
        get: {
            parameters: {
                query?: {
                    tab?: "all" | "unpaid" | "to_ship" | "to_receive" | "completed";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, nextCursor } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderPage"];
                    };
                };
            };
        };
        put?: never;
        /** 提交订单（请求头 Idempotency-Key 必填：重试返回同一订单） */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items?: {
                            skuId: number;
                            quantity: number;
                        }[];
                        addressId?: number;
                        couponId?: number | null;
                        installation?: components["schemas"]["InstallationChoices"];
                        /** @description 以旧换新：每行新机最多一台旧机；抵扣金额由服务器按估价表计算 */
                        tradeIns?: components["schemas"]["TradeInDeclaration"][];
                        groupBuy?: {
                            offerId: number;
                            groupNo?: string;
                        };
                        usePoints?: boolean;
                        /** @default  */
                        remark?: string;
                    };
                };
            };
            responses: {
                /** @description 已存在的同一订单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderDetail"];
                    };
                };
                /** @description 新订单 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的订单角标：待付款 / 待发货 / 待收货 数量 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { unpaid, to_ship, to_receive } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderCounts"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单详情（含时间线） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 订单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/by-no/{orderNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 按订单号查看订单详情（订阅消息跳转用） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 订单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 取消未支付订单 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description 订单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发起支付 / 再次支付（返回 wx.requestPayment 或支付宝参数） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        method: "wechat" | "alipay";
                        /**
                         * @default miniprogram
                         * @enum {string}
                         */
                        channel?: "miniprogram" | "h5" | "wechat_browser";
                    };
                };
            };
            responses: {
                /** @description { orderNo, payableFen, payment } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StartPaymentResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/confirm-receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认收货 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 订单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单列表（状态筛选；q 搜索订单号/手机号/收货人/商品名；from/to 下单时间） */
        get: {
            parameters: {
                query?: {
                    status?: "pending_payment" | "paid" | "shipped" | "completed" | "cancelled" | "any";
                    q?: string;
                    from?: number | null;
                    to?: number | null;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, nextCursor } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出订单 CSV（与列表相同的筛选条件，最多 5000 条） */
        get: {
            parameters: {
                query?: {
                    status?: "pending_payment" | "paid" | "shipped" | "completed" | "cancelled" | "any";
                    q?: string;
                    from?: number | null;
                    to?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单详情（含时间线、支付记录） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 订单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发货（快递公司 + 运单号） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier?: string;
                        trackingNo?: string;
                        parcels?: {
                            /** @enum {string} */
                            carrierCode: "shunfeng" | "jd" | "ems" | "zhongtong" | "yuantong" | "yunda" | "shentong" | "debangwuliu" | "jtexpress" | "rrs";
                            trackingNo: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description 订单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}/remark": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 商家备注（仅商家可见） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        remark: string;
                    };
                };
            };
            responses: {
                /** @description 订单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 取消未支付订单（商家） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description 订单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/staff/{id}": {
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
        /** 停用/启用员工账号或重置密码：该账号的全部会话立即结束 */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disabled?: boolean;
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description { id, disabled, endedSessions } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StaffAccountUpdate"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 经营概况：今日 / 昨日 / 本月销售额、付款订单、客单价，待办计数，近 14 天销售趋势（北京时间） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 经营概况 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dashboard"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/sweep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 立即执行一次订单巡检（超时取消、自动收货、事件重投、支付对账、退款重试）；平时由定时任务执行 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 各项处理数量 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 消息中心（新到旧，含未读数） */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    unread?: "0" | "1";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, unread, nextCursor } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NoticePage"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标记已读（ids 为空数组以外的列表，或 all: true） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: number[];
                    } | {
                        /** @enum {boolean} */
                        all: true;
                    };
                };
            };
            responses: {
                /** @description { updated } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MarkReadResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/charges/{chargeNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 收费单（保外维修费、以旧换新差价） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    chargeNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 收费单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Charge"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/charges/{chargeNo}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 支付收费单（返回 wx.requestPayment 或支付宝参数，与订单支付相同） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    chargeNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        method: "wechat" | "alipay";
                        /**
                         * @default miniprogram
                         * @enum {string}
                         */
                        channel?: "miniprogram" | "h5" | "wechat_browser";
                    };
                };
            };
            responses: {
                /** @description { chargeNo, amountFen, payment } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StartChargePaymentResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 获取 WebSocket 连接凭证（60 秒有效，用于 ?ticket=） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { ticket, expiresAt } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChatTicket"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的客服会话 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ShopperConversationList"];
                    };
                };
            };
        };
        put?: never;
        /** 发起或继续客服会话（每位顾客同时只有一个进行中的会话） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 继续已有会话 { created: false, conversation } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenConversationResult"];
                    };
                };
                /** @description 新会话 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenConversationResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 会话消息记录（顾客本人或接待客服；after 之后的消息，按 id 升序） */
        get: {
            parameters: {
                query?: {
                    after?: number | null;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { messages, hasMore } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChatHistory"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 顾客结束会话 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { ok } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations/{id}/csat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 会话结束后的满意度评价（1-5 分，每个会话一次） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        score: number;
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description { conversationId, csat } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CsatResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 排队中的会话、客服在线状态与我的接待列表 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { queue, agents, mine } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AgentQueue"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我接待过的会话 */
        get: {
            parameters: {
                query?: {
                    status?: "assigned" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AgentConversationList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/conversations/{id}/context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 会话顾客信息与最近订单（仅接待客服） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { conversation, shopper, orders } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AgentContext"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/conversations/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 接入指定的排队会话（受接待上限约束） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { ok } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/conversations/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 转接给其他在线客服 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        toAgentId: number;
                    };
                };
            };
            responses: {
                /** @description { ok } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/conversations/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结束会话（顾客随后收到满意度评价邀请） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { ok } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/canned-replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 快捷回复（公共 + 我的） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CannedReplyList"];
                    };
                };
            };
        };
        put?: never;
        /** 新增快捷回复（商家管理员：公共；客服：个人） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        text: string;
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description 快捷回复 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CannedReply"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/canned-replies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除快捷回复（只能删自己管理的） */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { ok } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改快捷回复（只能改自己管理的） */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        text?: string;
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description 快捷回复 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CannedReply"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/chat/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 客服账号、接待上限与当前在线/接待情况 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChatAgentList"];
                    };
                };
            };
        };
        put?: never;
        /** 新建客服账号 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        name: string;
                        password: string;
                        capacity?: number;
                    };
                };
            };
            responses: {
                /** @description { id, username, name, capacity } */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedChatAgent"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/chat/agents/{id}/capacity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置客服同时接待上限 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        capacity: number;
                    };
                };
            };
            responses: {
                /** @description { id, capacity } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChatAgentCapacity"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/chat/csat-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 客服满意度报表：平均分、评价数、各分值分布（可按评价时间 UTC 毫秒、客服筛选） */
        get: {
            parameters: {
                query?: {
                    from?: number | null;
                    to?: number;
                    agentId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { count, average, distribution } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CsatReport"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/chat/csat-comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 最近带留言的满意度评价（新的在前） */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CsatCommentList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/inventory/skus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 各 SKU 库存（来自库存快照，可能略有延迟） */
        get: {
            parameters: {
                query?: {
                    /** @description 1 = 只看低于预警值的 SKU */
                    lowOnly?: "0" | "1";
                    productId?: number;
                    after?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, nextAfter } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/inventory/skus/{skuId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单个 SKU 的实时库存（在库、预留、可售、已售） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    skuId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { skuId, skuCode, productName, stock } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/inventory/skus/{skuId}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 调整库存：restock 入库 +N；delta 盘点 ±N；set 设定可售数量。可带 Idempotency-Key 防重复提交 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    skuId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        mode: "restock";
                        quantity: number;
                        /** @default 入库 */
                        reason?: string;
                    } | {
                        /** @enum {string} */
                        mode: "delta";
                        delta: number;
                        reason: string;
                    } | {
                        /** @enum {string} */
                        mode: "set";
                        available: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description { duplicate, stock } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/inventory/skus/{skuId}/threshold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置低库存预警值（可售低于该值时通知一次；null 关闭） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    skuId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        threshold: number | null;
                    };
                };
            };
            responses: {
                /** @description stock */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/inventory/skus/{skuId}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 库存流水（新到旧） */
        get: {
            parameters: {
                query?: {
                    before?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    skuId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, nextBefore } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/inventory/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 低库存预警通知 */
        get: {
            parameters: {
                query?: {
                    before?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, nextBefore } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/inventory/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 补货建议：近 N 天销量速度、可售天数、建议补货量 */
        get: {
            parameters: {
                query?: {
                    days?: number;
                    targetDays?: number;
                    /** @description 1 = 包括无需补货的 SKU */
                    all?: "0" | "1";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { windowDays, targetDays, since, items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/inventory/reservations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 人工预留库存（电话/门店订单），多 SKU 全部成功或全部不占用；同一单号重复提交只预留一次 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ref: string;
                        items: {
                            skuId: number;
                            qty: number;
                        }[];
                        /** @default 1800 */
                        ttlSeconds?: number;
                    };
                };
            };
            responses: {
                /** @description { ok, orderId } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/inventory/reservations/{ref}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认人工预留（售出）；已过期的预留需 reReserve=true 显式重新占用 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ref: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        skuIds: number[];
                        /** @default false */
                        reReserve?: boolean;
                    };
                };
            };
            responses: {
                /** @description { ok } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/inventory/reservations/{ref}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 取消人工预留（可重复调用） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ref: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        skuIds: number[];
                    };
                };
            };
            responses: {
                /** @description { ok } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/inventory/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退货入库：已售出的商品退回后重新可售（同一 returnId 只入库一次，不超过订单购买数量） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 订单号；人工预留为 manual:<单号> */
                        orderId: string;
                        returnId: string;
                        items: {
                            skuId: number;
                            qty: number;
                        }[];
                        /** @default 退货入库 */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description { ok } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/flash-sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某 SKU 的秒杀活动（新的在前） */
        get: {
            parameters: {
                query: {
                    skuId: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FlashSale"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 创建秒杀：从 SKU 可售库存划出 units 件，分到 shards 个库存分片；可带 Idempotency-Key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FlashSaleInput"];
                };
            };
            responses: {
                /** @description the flash sale */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FlashSale"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/flash-sales/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 秒杀活动详情：各分片的在库、预留、已售、调用数，调拨次数 */
        get: {
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
                /** @description the flash sale */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FlashSale"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installation/work-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的安装工单（付款后，需安装的商品每行一张） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items: [{ id, orderNo, status, statusLabel, product, includes, extras, address, slot, installer, changeDeadline, changeDeadlineLabel, actions, doneAt, serialNos, photoUrl }] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationWorkOrderList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installation/work-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 安装工单详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { id, orderNo, status, statusLabel, product, includes, extras, address, slot, installer, changeDeadline, changeDeadlineLabel, actions, doneAt, serialNos, photoUrl } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationWorkOrder"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installation/work-orders/{id}/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可预约的安装时段（按地址匹配服务区域，未来 14 天，截止前，含剩余名额） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { area: { id, name } | null, message, cutoffLabel, items: [{ id, date, weekday, label, startsAt, endsAt, remaining, current, bookable }] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationSlots"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installation/work-orders/{id}/booking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 预约安装时段（名额不足 409「该时段已约满」） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        slotId: number;
                    };
                };
            };
            responses: {
                /** @description { id, orderNo, status, statusLabel, product, includes, extras, address, slot, installer, changeDeadline, changeDeadlineLabel, actions, doneAt, serialNos, photoUrl } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationWorkOrder"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installation/work-orders/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 改约到另一时段（截止时间前；新时段已满则原预约不变） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        slotId: number;
                    };
                };
            };
            responses: {
                /** @description { id, orderNo, status, statusLabel, product, includes, extras, address, slot, installer, changeDeadline, changeDeadlineLabel, actions, doneAt, serialNos, photoUrl } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationWorkOrder"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installation/work-orders/{id}/cancel-booking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 取消预约（截止时间前），工单回到待预约 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { id, orderNo, status, statusLabel, product, includes, extras, address, slot, installer, changeDeadline, changeDeadlineLabel, actions, doneAt, serialNos, photoUrl } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationWorkOrder"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installer/work-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我某天的安装工单（我负责区域内、未指派或指派给我的；含地址、电话、商品、时段） */
        get: {
            parameters: {
                query?: {
                    /** @description 北京时间日期，默认今天 */
                    date?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { date, items: [工单] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallerDay"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installer/work-orders/{id}/on-the-way": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 出发（工单归我） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationWorkOrder"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installer/work-orders/{id}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 完工：multipart/form-data，photo 为安装照片（JPG/PNG/GIF/WebP，≤5MB），serialNo 为序列号（多台用逗号分隔，6–40 位字母数字或短横线）；登记保修 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationWorkOrder"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installer/work-orders/{id}/trade-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 该工单商品的以旧换新：顾客申报的旧机（品类、年限、成色、抵扣）及回收状态；没有则 404 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 以旧换新记录 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TradeIn"];
                    };
                };
            };
        };
        put?: never;
        /** 登记旧机回收：collected（可按现场成色/估价调整，高于抵扣退差价、低于抵扣生成补缴单）或 not_collected（顾客不交旧机：补缴全部抵扣） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TradeInCollectionInput"];
                };
            };
            responses: {
                /** @description 以旧换新记录 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TradeIn"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/installation/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 各分类的安装服务（商品按自身分类、其次上级分类匹配） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items: [{ categoryId, categoryName, parentId, requiresInstallation, includes, bracketFeeFen, highAltitudeFeeFen, carryFeePerFloorFen, carryFreeFloors }] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationServiceList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/installation/services/{categoryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置分类的安装服务（是否需要安装、包含内容、支架/高空作业/无电梯上楼费用） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    categoryId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InstallationServiceInput"];
                };
            };
            responses: {
                /** @description 安装服务 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationService"];
                    };
                };
            };
        };
        post?: never;
        /** 删除分类的安装服务 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    categoryId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { ok: true } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/installation/areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 服务区域（覆盖的地区编码、每日时段、改约截止、安装师傅） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items: [{ id, name, regions, windows, cutoff, active, installers }] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationAreaList"];
                    };
                };
            };
        };
        put?: never;
        /** 新建服务区域 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InstallationAreaInput"];
                };
            };
            responses: {
                /** @description 服务区域 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationArea"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/installation/areas/{id}": {
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
        /** 修改服务区域（只改请求中给出的字段） */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InstallationAreaPatch"];
                };
            };
            responses: {
                /** @description 服务区域 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationArea"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/installation/areas/{id}/slots/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 按日期范围生成时段（已有的时段保持不变） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["GenerateSlotsInput"];
                };
            };
            responses: {
                /** @description { created, skipped } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GeneratedSlots"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/installation/areas/{id}/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 区域的时段（默认从今天起 14 天） */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items: [{ id, date, weekday, label, startsAt, endsAt, capacity, booked, remaining }] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationSlotList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/installation/slots/{id}": {
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
        /** 修改时段容量（不能小于已预约数量：409） */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        capacity: number;
                    };
                };
            };
            responses: {
                /** @description 时段 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationSlot"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/installation/installers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 安装师傅 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items: [{ id, username, name, disabled, areaIds }] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallerList"];
                    };
                };
            };
        };
        put?: never;
        /** 新建安装师傅账号（角色 installer） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InstallerInput"];
                };
            };
            responses: {
                /** @description { id, username, name, disabled, areaIds } */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Installer"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/installation/installers/{id}/areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置安装师傅负责的服务区域 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        areaIds: number[];
                    };
                };
            };
            responses: {
                /** @description { id, areaIds } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallerAreas"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/installation/work-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 安装工单（按状态、预约日期、区域筛选） */
        get: {
            parameters: {
                query?: {
                    status?: "awaiting_booking" | "booked" | "rescheduled" | "on_the_way" | "done" | "cancelled";
                    /** @description 预约日期（北京时间） */
                    date?: string;
                    areaId?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items: [工单] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationWorkOrderList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/installation/work-orders/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 指派安装师傅（须负责该区域） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        installerId: number;
                    };
                };
            };
            responses: {
                /** @description 工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationWorkOrder"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/installation/work-orders/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 代顾客改约（不受截止时间限制） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        slotId: number;
                    };
                };
            };
            responses: {
                /** @description 工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationWorkOrder"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/installation/work-orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 取消安装工单（已占用的时段名额退回） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description 工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InstallationWorkOrder"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我登记的产品 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductRegistrationList"];
                    };
                };
            };
        };
        put?: never;
        /** 登记外购产品（序列号、购买日期、发票照片），商家审核通过后按购买日期计算保修并可报修 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProductRegistrationInput"];
                };
            };
            responses: {
                /** @description 产品登记（待审核） */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductRegistration"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/registrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 产品登记详情（含审核结果与保修） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 产品登记 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductRegistration"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** 撤回待审核或已驳回的产品登记 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { ok: true } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/repairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的维修工单 */
        get: {
            parameters: {
                query?: {
                    status?: "received" | "awaiting_appointment" | "on_site" | "done" | "confirmed" | "cancelled";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, nextCursor } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairWorkOrderPage"];
                    };
                };
            };
        };
        put?: never;
        /** 为已审核通过的外购登记产品申请上门维修（本店购买的商品请通过售后申请报修） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ShopperRepairInput"];
                };
            };
            responses: {
                /** @description { workOrderNo, created, workOrder } */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenedRepair"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/repairs/{no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 维修工单详情（保修判定、师傅、预约时间、配件与费用、待支付费用单、进度） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 维修工单号（RW 开头） */
                    no: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 维修工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairWorkOrderDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/repairs/{no}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认维修完工（有维修费用时须先支付费用单） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 维修工单号（RW 开头） */
                    no: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 维修工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairWorkOrderDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/repairs/{no}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 取消维修（师傅上门前） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 维修工单号（RW 开头） */
                    no: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description 维修工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairWorkOrderDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installer/repairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 指派给我的维修工单 */
        get: {
            parameters: {
                query?: {
                    status?: "received" | "awaiting_appointment" | "on_site" | "done" | "confirmed" | "cancelled";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, nextCursor } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairWorkOrderPage"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installer/repairs/{no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 维修工单详情（地址、电话、故障、保修判定） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 维修工单号（RW 开头） */
                    no: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 维修工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairWorkOrderDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installer/repairs/{no}/appointment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 与顾客约定（或改约）上门时间，顾客收到通知 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 维修工单号（RW 开头） */
                    no: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 上门时间（UTC 毫秒），须在未来 30 天内 */
                        appointmentAt: number;
                    };
                };
            };
            responses: {
                /** @description 维修工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairWorkOrderDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installer/repairs/{no}/arrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 已上门 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 维修工单号（RW 开头） */
                    no: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 维修工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairWorkOrderDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installer/repairs/{no}/finish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 完工：登记配件、人工费与维修结果；保修期外生成维修费用单由顾客支付 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 维修工单号（RW 开头） */
                    no: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RepairFinishInput"];
                };
            };
            responses: {
                /** @description 维修工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairWorkOrderDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/repairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 维修工单列表（按状态筛选） */
        get: {
            parameters: {
                query?: {
                    status?: "received" | "awaiting_appointment" | "on_site" | "done" | "confirmed" | "cancelled";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, nextCursor } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairWorkOrderPage"];
                    };
                };
            };
        };
        put?: never;
        /** 在客服会话中为该顾客开维修工单（本店订单商品或已审核的外购登记产品；客服限本人接待的会话） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AgentRepairInput"];
                };
            };
            responses: {
                /** @description { workOrderNo, created, workOrder } */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenedRepair"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/repairs/{no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 维修工单详情（含进度） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 维修工单号（RW 开头） */
                    no: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 维修工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairWorkOrderDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/repairs/{no}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 指派（或改派）维修师傅（角色为安装师傅的员工账号） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 维修工单号（RW 开头） */
                    no: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 安装/维修师傅的员工 id（角色 installer） */
                        technicianId: number;
                    };
                };
            };
            responses: {
                /** @description 维修工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairWorkOrderDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/repairs/{no}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 取消维修工单（师傅上门前） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 维修工单号（RW 开头） */
                    no: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description 维修工单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairWorkOrderDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/technicians": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可指派的维修师傅（在职的安装师傅账号） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items: [{ id, name, username }] } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepairTechnicianList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 外购产品登记（按状态筛选，待审核的发票照片与序列号） */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "approved" | "rejected";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminProductRegistrationList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/registrations/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核通过产品登记（保修自发票购买日期起算） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 产品登记 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminProductRegistration"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/after-sales/registrations/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 驳回产品登记（填写原因，顾客可见） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description 产品登记 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminProductRegistration"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/logistics/freight-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 运费模板列表 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FreightTemplateList"];
                    };
                };
            };
        };
        put?: never;
        /** 新建运费模板：按件/重量（克）/体积（立方厘米）计费，默认规则 + 指定地区规则（首件+续件），指定地区条件包邮（件数和/或金额，all/any 明示），不配送地区 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FreightTemplateInput"];
                };
            };
            responses: {
                /** @description 模板 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FreightTemplate"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/logistics/freight-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 运费模板详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 模板 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FreightTemplate"];
                    };
                };
            };
        };
        /** 修改运费模板（整体替换） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FreightTemplateInput"];
                };
            };
            responses: {
                /** @description 模板 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FreightTemplate"];
                    };
                };
            };
        };
        post?: never;
        /** 删除运费模板（仍被商品使用时 409） */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 已删除 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/logistics/delivery-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 配送时效：每日截单时间、各地区时效天数、不配送日期 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 规则 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeliveryRules"];
                    };
                };
            };
        };
        /** 修改配送时效 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DeliveryRules"];
                };
            };
            responses: {
                /** @description 规则 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeliveryRules"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/logistics/products/{id}/shipping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置商品运费方式：店铺默认 / 运费模板 / 包邮 / 固定运费 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProductShipping"];
                };
            };
            responses: {
                /** @description 运费方式 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductShipping"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/logistics/carriers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可选快递公司（快递100 公司编码） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CarrierList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/logistics/orders/{orderId}/parcels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的订单的包裹与物流轨迹（轨迹新到旧）；他人订单 404 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { orderId, parcels } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderParcels"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/logistics/orders/{orderId}/parcels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单的包裹、订阅状态与物流轨迹（轨迹新到旧） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { orderId, parcels } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StaffOrderParcels"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coupons/centre": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 领券中心：可领取的优惠券，登录后带 已领 / 已抢光 状态 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClaimableCouponList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coupons/for-product/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 商品详情页可领的优惠券（适用于该商品：全场、所属分类或上级分类、指定商品，排除的商品除外） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    productId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClaimableCouponList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coupons/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的优惠券（tab: usable 可使用 / used 已使用 / expired 已过期），附各页签数量 */
        get: {
            parameters: {
                query?: {
                    tab?: "usable" | "used" | "expired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { tab, counts, items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MyCouponList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coupons/{templateId}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 领取优惠券（不超过发放总量和每人限领；可带 Idempotency-Key：重试返回同一张券）。409：SOLD_OUT 已抢光 / CLAIM_LIMIT_REACHED 已领 / COUPON_STOPPED / COUPON_EXPIRED */
        post: {
            parameters: {
                query?: {
                    /** @description 领取入口：centre 领券中心 / product_page 商品详情页；省略时两者皆可 */
                    from?: "centre" | "product_page";
                };
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    templateId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { created, coupon } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CouponClaimResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/marketing/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 优惠券列表（含已领取、已使用数量） */
        get: {
            parameters: {
                query?: {
                    status?: "active" | "stopped" | "expired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CouponTemplateList"];
                    };
                };
            };
        };
        put?: never;
        /** 新建优惠券：满减（amountOffFen + thresholdFen）、无门槛（amountOffFen）、折扣（payPercent 88 = 8.8折，可设 capFen）；范围、有效期、总量、每人限领、发放渠道 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default  */
                        description?: string;
                        /** @enum {string} */
                        kind: "amount_off" | "no_threshold" | "percent_off";
                        amountOffFen?: number;
                        thresholdFen?: number;
                        /** @description 折扣券：支付比例，88 = 8.8折（优惠 12%） */
                        payPercent?: number;
                        capFen?: number;
                        /**
                         * @default all
                         * @enum {string}
                         */
                        scope?: "all" | "categories" | "products";
                        /** @default [] */
                        scopeIds?: number[];
                        /** @default [] */
                        excludedProductIds?: number[];
                        validity: {
                            /** @enum {string} */
                            kind: "fixed";
                            validFrom: number;
                            validTo: number;
                        } | {
                            /** @enum {string} */
                            kind: "relative";
                            days: number;
                        };
                        totalQuantity: number;
                        /** @default 1 */
                        perShopperLimit?: number;
                        channels: ("centre" | "product_page" | "merchant_grant" | "new_shopper")[];
                    };
                };
            };
            responses: {
                /** @description 优惠券 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CouponTemplate"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/marketing/coupons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 优惠券详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 优惠券 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CouponTemplate"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改名称、说明、发放总量（不少于已领取）、每人限领、发放渠道；券的规则创建后不可改 */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string;
                        totalQuantity?: number;
                        perShopperLimit?: number;
                        channels?: ("centre" | "product_page" | "merchant_grant" | "new_shopper")[];
                    };
                };
            };
            responses: {
                /** @description 优惠券 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CouponTemplate"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/marketing/coupons/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 停止发放（不能再领取或发放；已领取的券照常可用） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 优惠券 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CouponTemplate"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/marketing/coupons/{id}/expire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 立即失效（停止发放，且所有未使用的券立即过期） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 优惠券 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CouponTemplate"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/marketing/coupons/{id}/grant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发放给指定顾客（受发放总量限制，不受每人限领限制；可带 Idempotency-Key：重复请求不重复发放） */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        shopperIds: number[];
                    };
                };
            };
            responses: {
                /** @description { granted, alreadyGranted, soldOut } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CouponGrantResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/marketing/coupons/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 使用报表：已发放、已使用、过期未使用、节省金额 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 报表 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CouponReport"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 会员中心：等级、成长值与升级进度、积分（可用 / 冻结 / 即将过期）、积分规则、生日 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 会员概览 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberOverview"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 积分明细（新的在前；cursor 分页）：获得（冻结中）、到账、抵扣、退回、收回、过期、商家调整 */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, nextCursor } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PointsHistory"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/birthday": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置生日（MM-DD，只能设置一次；生日当天按等级发放生日券）。409 BIRTHDAY_ALREADY_SET */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        birthday: string;
                    };
                };
            };
            responses: {
                /** @description { birthday } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberBirthday"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/members/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 积分规则与会员等级表 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 设置 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberSettings"];
                    };
                };
            };
        };
        /** 保存积分规则与会员等级表（最低等级门槛须为 0，门槛与等级编号递增） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        points: {
                            earnPointsPerYuan: number;
                            redeemPointsPerYuan: number;
                            maxRedeemPercent: number;
                            minBalanceToRedeem: number;
                            returnWindowDays: number;
                        };
                        tiers: {
                            level: number;
                            name: string;
                            minGrowth: number;
                            discountPercent: number;
                            freeShipping: boolean;
                            pointsMultiplierPercent: number;
                            birthdayCouponTemplateId: number | null;
                            queueBoostMinutes: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description 保存后的设置 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberSettings"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/members/{shopperId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某位顾客的会员概览（等级、成长值、积分） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    shopperId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 会员概览 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberOverview"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/members/{shopperId}/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某位顾客的积分明细 */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    shopperId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items, nextCursor } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PointsHistory"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/members/{shopperId}/points-adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 手动调整积分（正数增加、负数扣减，须填原因；必须带 Idempotency-Key：重试不会重复调整）。409 POINTS_INSUFFICIENT：扣减超过可用积分 */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    shopperId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        points: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description 调整后的积分 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PointsAdjustmentResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/promotions/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 进行中的促销活动及标签（满3000减300、限时折扣…） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActivePromotionList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/marketing/promotions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 促销活动列表（最新 200 个） */
        get: {
            parameters: {
                query?: {
                    /** @description 未开始 / 进行中 / 已结束 / 已停止 / 全部 */
                    status?: "scheduled" | "active" | "ended" | "stopped" | "all";
                    kind?: "full_reduction" | "per_full_reduction" | "full_discount" | "limited_time";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PromotionList"];
                    };
                };
            };
        };
        put?: never;
        /** 新建促销：满减（阶梯，取达到的最高档）、每满减（可封顶）、满折（按件数或金额）、限时折扣（SKU 限时价）；范围、时间、优先级、是否与其他促销/优惠券叠加 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PromotionInput"];
                };
            };
            responses: {
                /** @description 活动 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Promotion"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/marketing/promotions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 促销活动详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 活动 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Promotion"];
                    };
                };
            };
        };
        /** 修改促销活动（整体替换；已结束或已停止的 409） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PromotionInput"];
                };
            };
            responses: {
                /** @description 活动 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Promotion"];
                    };
                };
            };
        };
        post?: never;
        /** 删除未开始的促销活动（已开始的请停止：409） */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 已删除 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/marketing/promotions/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 停止促销活动（立即结束；已结束的 409） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 活动 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Promotion"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/marketing/promotions/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 促销效果：已支付订单数、件数、优惠合计、原价与实付合计；待支付订单另计（不含已取消） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 报表 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PromotionReport"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/price-protection/orders/{orderNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 价保：订单各行能否申请、成交单价、现价、差价、截止时间、是否已申请 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { orderNo, paidAt, lines } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PriceProtectionOrder"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/price-protection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申请价保（每个订单商品一次）：服务器计算差价 × 未退货件数并原路退款 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orderItemId: number;
                    };
                };
            };
            responses: {
                /** @description 该行的价保（含退款状态） */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PriceProtectionLine"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trade-in/products/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 商品页“支持以旧换新”：该商品可抵换的旧机品类 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    productId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { kinds } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductTradeIn"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trade-in/orders/{orderNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 以旧换新：本单申报的旧机、回收状态、上门估价与差额（补缴单号） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { orderNo, items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderTradeIns"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/trade-in/valuations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 以旧换新估价表（每种旧机：可抵换的新机分类、抵扣上限、按年限与成色的估价） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TradeInValuationList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/trade-in/valuations/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 新建或修改一种旧机的估价（已下单的按下单时的估价）；停用：active=false */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TradeInValuationInput"];
                };
            };
            responses: {
                /** @description 估价 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TradeInValuation"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/trade-in/trade-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 以旧换新记录（status: declared 待回收 / collected 已回收 / not_collected 未回收；最多 200 条） */
        get: {
            parameters: {
                query?: {
                    status?: "declared" | "collected" | "not_collected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TradeInList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/trade-in/items/{orderItemId}/collection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记旧机回收（无安装工单时由商家登记）：collected（可改估价/成色，差额退款或生成补缴单）或 not_collected（补缴全部抵扣） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderItemId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TradeInCollectionInput"];
                };
            };
            responses: {
                /** @description 以旧换新记录 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TradeIn"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referrals/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的邀请：邀请码、已邀请人数、奖励记录（好友首单完成并过 7 天退货期后发放积分） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 我的邀请 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReferralMe"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referrals/bind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 通过分享链接或小程序码绑定邀请人：仅限注册后时限内、未下过单的新用户；不能邀请自己、不能互相邀请；只能绑定一次。400 INVALID_CODE / SELF_REFERRAL，404 邀请码不存在，409 ALREADY_BOUND / NOT_NEW_SHOPPER / BINDING_WINDOW_PASSED / REFERRAL_LOOP */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /**
                         * @default link
                         * @enum {string}
                         */
                        via?: "link" | "scene";
                    };
                };
            };
            responses: {
                /** @description { bound, created } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReferralBindResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/share/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 分享卡片与海报数据：标题、图片、价格、带邀请码的小程序路径、小程序码 scene 与图片地址 */
        get: {
            parameters: {
                query?: {
                    productId?: number;
                    groupNo?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 分享数据 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ShareInfo"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/share/wxacode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 海报上的小程序码（微信 getwxacodeunlimit，scene 含登录用户的邀请码；按 scene 缓存于 R2）。503 未配置微信，502 微信返回错误 */
        get: {
            parameters: {
                query?: {
                    productId?: number;
                    groupNo?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PNG 图片 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/png": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/group-buys/products/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 商品的拼团活动：各规格拼团价、成团人数、可参加的团（差几人、截止时间） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    productId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductGroupBuys"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/group-buys/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的拼团（最新 50 个）：团号、订单、状态 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MyGroupList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/group-buys/{groupNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 拼团详情：成员、剩余名额、截止时间、状态；参团即以 groupBuy: { offerId, groupNo } 下单 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    groupNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 拼团详情 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GroupDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/group-buys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 拼团活动列表（最新 200 个），含开团数与成团数 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GroupBuyOfferList"];
                    };
                };
            };
        };
        put?: never;
        /** 新建拼团活动：商品的若干规格与拼团价（须低于售价）、成团人数 2–20、成团时限、每人限购件数、活动时间 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        productId: number;
                        skus: {
                            skuId: number;
                            groupPriceFen: number;
                        }[];
                        groupSize: number;
                        timeLimitMinutes: number;
                        perShopperLimit: number;
                        startsAt: number;
                        endsAt: number;
                    };
                };
            };
            responses: {
                /** @description 活动 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GroupBuyOffer"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/group-buys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 拼团活动详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 活动 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GroupBuyOffer"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/group-buys/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 停止拼团活动：不能再开团或参团；已开的团照常到期（成团发货，未成团自动退款） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 活动 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GroupBuyOffer"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/referrals/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 老带新设置：奖励积分、每位邀请人每日/每月奖励上限、新用户绑定时限 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 设置 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReferralSettings"];
                    };
                };
            };
        };
        /** 修改老带新设置 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rewardPoints: number;
                        dailyCap: number;
                        monthlyCap: number;
                        bindingWindowHours: number;
                    };
                };
            };
            responses: {
                /** @description 设置 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReferralSettings"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/referrals/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 邀请奖励记录（最新 200 条） */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "granting" | "granted" | "cancelled" | "capped";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReferralRewardList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单的电子发票：能否申请、预计金额、申请状态 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 订单发票 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderInvoice"];
                    };
                };
            };
        };
        /** 申请（或在开具前修改、被驳回后重新提交）电子发票：个人或企业抬头（企业须填纳税人识别号） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "personal" | "company";
                        title: string;
                        taxNo?: string | null;
                        email?: string | null;
                    };
                };
            };
            responses: {
                /** @description 订单发票 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderInvoice"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/invoice/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载已开具的电子发票（PDF） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 发票申请列表（按状态筛选，新的在前） */
        get: {
            parameters: {
                query?: {
                    status?: "requested" | "issued" | "rejected" | "cancelled";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 一页发票申请 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminInvoicePage"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invoices/{id}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 开具：上传税务平台开出的 PDF 与发票号码（multipart：invoiceNo、file），金额按实付减已退款确定 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 已开具的发票 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invoice"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invoices/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 驳回发票申请（买家看到原因，可修改后重新提交） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description 已驳回的申请 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invoice"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invoices/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载已开具的发票 PDF */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/favorites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的收藏（新的在前；已下架的商品仍列出） */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 一页收藏 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SavedProductPage"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/favorites/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 是否已收藏该商品 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    productId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 收藏状态 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FavoriteState"];
                    };
                };
            };
        };
        /** 收藏商品（重复收藏无变化；最多 500 件） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    productId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 收藏状态 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FavoriteState"];
                    };
                };
            };
        };
        post?: never;
        /** 取消收藏 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    productId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 收藏状态 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FavoriteState"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/footprints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的足迹：浏览过的在售商品（每件只记最近一次，保留最近 100 件） */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 一页足迹 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SavedProductPage"];
                    };
                };
            };
        };
        put?: never;
        /** 记录一次商品浏览（商品页打开时调用） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        productId: number;
                    };
                };
            };
            responses: {
                /** @description 已记录 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        /** 清空足迹；带 productId 时只删除这一件 */
        delete: {
            parameters: {
                query?: {
                    productId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 已删除 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 猜你喜欢：按浏览、收藏、购买过的品类与品牌（近期的更重），排除已买过与页面已展示的商品；未登录为热销 */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    exclude?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 推荐商品 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Recommendations"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 商品对比：同一品类 2–4 件在售商品的价格与规格参数并排，标出不同项 */
        get: {
            parameters: {
                query: {
                    ids: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 对比表 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductCompare"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 商品评价（新的在前）与汇总：平均分、好评率、有图数；filter = all / photos / good / bad */
        get: {
            parameters: {
                query?: {
                    filter?: "all" | "photos" | "good" | "bad";
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 一页评价 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductReviews"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 评价一件已收到的商品（每个订单商品一次）：1–5 星、文字、最多 6 张图（先经 /api/after-sales/photos 上传）、可匿名 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orderItemId: number;
                        rating: number;
                        /** @default  */
                        content?: string;
                        /** @default [] */
                        photos?: string[];
                        /** @default false */
                        anonymous?: boolean;
                    };
                };
            };
            responses: {
                /** @description 已发布 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待评价：已收货（90 天内）但还没评价的订单商品 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 待评价 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PendingReviews"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 全部评价（含已隐藏），可按星级、未回复筛选 */
        get: {
            parameters: {
                query?: {
                    rating?: number;
                    unreplied?: "0" | "1";
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 一页评价 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminReviewPage"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reviews/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 回复评价（再次回复覆盖） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                    };
                };
            };
            responses: {
                /** @description 已回复 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reviews/{id}/visibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 隐藏（广告、辱骂）或恢复显示一条评价；商品的评分汇总随之更新 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        visible: boolean;
                    };
                };
            };
            responses: {
                /** @description 已更新 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 问大家：商品的问题（新的在前），每条带回答数与最早 2 条回答；limit=2 可做商品页预览 */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 一页问题 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductQuestionPage"];
                    };
                };
            };
        };
        put?: never;
        /** 提问（5–100 字；同一商品每人每天最多 5 个；暂不通知任何人） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                    };
                };
            };
            responses: {
                /** @description 已提问 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QaCreated"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一个问题与它的全部回答 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 问题详情 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductQuestionDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 回答（2–300 字）：只有买过该商品（已支付 / 已发货 / 已完成的订单）的用户，且不能回答自己的提问；提问人会在消息中心收到通知（未读时只保留一条） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                    };
                };
            };
            responses: {
                /** @description 已回答（带 已购 标记） */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QaCreated"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 全部问题（含已隐藏）与回答；unanswered=1 只看还没有回答的 */
        get: {
            parameters: {
                query?: {
                    /** @description 1 = 只看还没有可见回答的问题 */
                    unanswered?: "0" | "1";
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 一页问题 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminProductQuestionPage"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/questions/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 以商家身份回答（显示 商家 标记） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                    };
                };
            };
            responses: {
                /** @description 已回答 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QaCreated"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/questions/{id}/visibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 隐藏（广告、辱骂）或恢复显示一个问题 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        visible: boolean;
                    };
                };
            };
            responses: {
                /** @description 已更新 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/answers/{id}/visibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 隐藏或恢复显示一条回答 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        visible: boolean;
                    };
                };
            };
            responses: {
                /** @description 已更新 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/images/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 商品图片（公开；键由上传接口返回，不可猜测，内容不变） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 对象键，含斜杠（路径其余部分） */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 图片（image/jpeg | png | gif | webp | svg+xml），Cache-Control immutable，带沙箱 CSP 与 nosniff */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/*": string;
                    };
                };
                /** @description If-None-Match 与 ETag 相同 */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description 键格式不对或对象不存在 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上传商品图片（merchant_admin）：multipart/form-data 的 file 字段，或请求体即图片字节；≤ 5MB
         * @description 类型按文件内容判断（不看 Content-Type）：JPG、PNG、GIF、WebP、SVG。SVG 会被解析并按白名单重建（去掉脚本、事件属性、外部引用），保存的是重建后的内容。
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file: string;
                    };
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description 已保存 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            url: string;
                            contentType: string;
                            sizeBytes: number;
                        };
                    };
                };
                /** @description 空文件、SVG 格式不正确（INVALID_SVG）或缺 file 字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description 超过 5MB（FILE_TOO_LARGE） */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description 不是支持的图片（UNSUPPORTED_IMAGE） */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/after-sales/photos/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 售后凭证照片（按不可猜测的键公开，内容不变） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 对象键，含斜杠（路径其余部分） */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 图片（image/jpeg | png | gif | webp | svg+xml），Cache-Control immutable，带沙箱 CSP 与 nosniff */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/*": string;
                    };
                };
                /** @description If-None-Match 与 ETag 相同 */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description 键格式不对或对象不存在 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/installation/work-orders/{id}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 安装完工照片（工单的顾客、商家管理员、可见该工单的安装师傅） */
        get: {
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
                /** @description 图片（image/jpeg | png | gif | webp | svg+xml），Cache-Control immutable，带沙箱 CSP 与 nosniff */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/*": string;
                    };
                };
                /** @description If-None-Match 与 ETag 相同 */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description 未登录 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description 工单不存在、无权查看或无照片 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/notify/wechat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 微信支付 v3 回调（支付成功与退款结果）
         * @description 无 Bearer：以请求头 Wechatpay-Signature / -Timestamp / -Nonce / -Serial 的平台证书签名验真后才读取内容；resource 为 AEAD_AES_256_GCM 密文（APIv3 密钥）。金额与订单不符只记录不入账。应答为微信的格式：成功 204 无内容，失败 4xx/5xx 与 {code:"FAIL", message}（微信会重试）。
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: string;
                        /** @example TRANSACTION.SUCCESS */
                        event_type: string;
                        resource_type?: string;
                        resource: {
                            /** @enum {string} */
                            algorithm: "AEAD_AES_256_GCM";
                            ciphertext: string;
                            nonce: string;
                            associated_data?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description 已受理（含重复通知） */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description 签名、时间戳或解密失败：{code:"FAIL", message} */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "FAIL";
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/notify/alipay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 支付宝异步通知（支付成功与退款）
         * @description 无 Bearer：application/x-www-form-urlencoded 表单，以支付宝公钥验 sign（sign_type=RSA2）后才处理；金额与订单不符只记录不入账。应答为支付宝的格式：纯文本 success（受理，含重复通知），否则 failure（支付宝会重试）。
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        notify_id: string;
                        out_trade_no: string;
                        trade_no: string;
                        /** @example TRADE_SUCCESS */
                        trade_status: string;
                        /** @example 2999.00 */
                        total_amount: string;
                        app_id: string;
                        /** @enum {string} */
                        sign_type: "RSA2";
                        sign: string;
                    };
                };
            };
            responses: {
                /** @description success 或 failure（text/plain） */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/logistics/kuaidi100/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 快递100 轨迹推送
         * @description 无 Bearer：表单字段 param（JSON）与 sign = MD5(param + salt) 验真后才读取。应答为快递100 的格式 {result, returnCode, message}。
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        param: string;
                        sign: string;
                    };
                };
            };
            responses: {
                /** @description 已受理 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            result: boolean;
                            returnCode: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations/{id}/ws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 客服会话 WebSocket（顾客本人或接待客服）
         * @description 握手身份：Authorization: Bearer <token>（小程序 wx.connectSocket 可带头），或 ?ticket=<POST /api/chat/tickets 取得的一次性凭证>（浏览器无法给 WebSocket 设置请求头）。
         *     查询参数 after：只补发 id 大于它的消息。
         *
         *     WebSocket 帧均为一个 JSON 对象，以 type 区分（worker/chat/protocol.ts，docs/chat.md）。
         *     客户端 → 服务端：{type:"message", text, clientMsgId?}（text ≤ 1000 字，clientMsgId 使重发幂等）、
         *     {type:"sync", after}（取 id > after 的消息）、{type:"handoff"}（顾客转人工）、{type:"ping"}（心跳，答 {"type":"pong"}）。
         *     服务端 → 客户端：{type:"ready", conversationId, role, status, agent, queuePosition, lastId}（连接后第一帧）、
         *     {type:"history", messages, hasMore}、{type:"message", message, streamId?}、{type:"delta", streamId, text}（机器人流式片段）、
         *     {type:"status", status, agent, queuePosition}、{type:"csat_request", conversationId}、
         *     {type:"error", code: BAD_FRAME|TOO_LARGE|EMPTY_MESSAGE|RATE_LIMITED|CONVERSATION_CLOSED|NOT_ALLOWED, message, clientMsgId?}、{type:"pong"}。
         *     单帧 ≤ 4096 字节（超出以 1009 关闭），每连接令牌桶 5 条突发、每秒补 1 条；客服被转走或会话结束以 4003 关闭。
         */
        get: {
            parameters: {
                query?: {
                    ticket?: string;
                    after?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 切换为 WebSocket */
                101: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description 未登录或凭证无效/已用过 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description 身份不允许（如商家管理员） */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description 会话不存在（或不是你的） */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description 不是 WebSocket 握手（缺 Upgrade: websocket） */
                426: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agent/lobby/ws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 客服工作台大厅 WebSocket：排队、在线状态与分配
         * @description 握手身份：Authorization: Bearer <token>（小程序 wx.connectSocket 可带头），或 ?ticket=<POST /api/chat/tickets 取得的一次性凭证>（浏览器无法给 WebSocket 设置请求头）。
         *
         *     仅客服（agent）。WebSocket 帧均为 JSON 对象（worker/chat/protocol.ts）。
         *     客户端 → 服务端：{type:"presence", available}（置忙/空闲）、{type:"claim", conversationId}（认领排队会话）、{type:"ping"}。
         *     服务端 → 客户端：{type:"lobby", queue:[{conversationId, shopperId, shopperName, reason, enqueuedAt, position}],
         *     agents:[{id, name, online, available, load, capacity}], mine:[会话 id]}（连接时及每次变化时的全貌）、
         *     {type:"assigned", conversationId, shopperName, transferredFrom}、{type:"released", conversationId, reason: closed|transferred}、
         *     {type:"error", code, message}、{type:"pong"}。
         */
        get: {
            parameters: {
                query?: {
                    ticket?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 切换为 WebSocket */
                101: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description 未登录或凭证无效/已用过 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description 身份不允许（如商家管理员） */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description 不是 WebSocket 握手（缺 Upgrade: websocket） */
                426: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本文档（OpenAPI 3.1） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OpenAPI 文档 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API 文档页面（HTML，读取 /api/openapi.json） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description HTML */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 存活检查 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description { ok: true } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 旧的客服工作台地址：302 跳转到商家后台的客服工作台 /admin/#/service/workbench */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Location: /admin/#/service/workbench */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ShopperSession: {
            /** @description Bearer token */
            token: string;
            /** @description 令牌过期时间（UTC 毫秒） */
            expiresAt: number;
            shopper: {
                id: number;
                nickname: string;
            };
        };
        StaffSession: {
            /** @description Bearer token（1 小时有效） */
            token: string;
            /** @description 用于 POST /api/auth/refresh 换取新令牌（会话 12 小时内有效，每次使用后轮换） */
            refreshToken?: string;
            /** @description 令牌过期时间（UTC 毫秒） */
            expiresAt: number;
            staff: {
                id: number;
                username: string;
                name: string;
                /** @enum {string} */
                role: "merchant_admin" | "operations" | "agent" | "installer";
            };
        };
        Principal: {
            /** @enum {string} */
            kind: "shopper";
            id: number;
            nickname: string;
        } | {
            /** @enum {string} */
            kind: "staff";
            id: number;
            /** @enum {string} */
            role: "merchant_admin" | "operations" | "agent" | "installer";
            name: string;
        };
        RefreshedSession: {
            token: string;
            refreshToken?: string;
            expiresAt: number;
        };
        LogoutResult: {
            /** @description 结束的会话数 */
            endedSessions: number;
        };
        CategoryTree: {
            items: components["schemas"]["CategoryNode"][];
        };
        /** @description 一级分类及其二级分类 */
        CategoryNode: {
            id: number;
            name: string;
            icon: string | null;
            sortOrder: number;
            children: components["schemas"]["Category"][];
        };
        Category: {
            id: number;
            name: string;
            icon: string | null;
            sortOrder: number;
        };
        SearchPage: components["schemas"]["ProductPage"] & {
            /** @description 搜索词像是错别字时（如 空凋）：已改用的词（空调）及其结果；否则 null */
            correction: {
                original: string;
                corrected: string;
            } | null;
            /** @description 没有匹配的商品时的相关推荐（分类内或全店热销）；否则为空 */
            related: components["schemas"]["ProductListItem"][];
        };
        ProductListItem: components["schemas"]["ProductCard"] & {
            categoryId: number;
            /** @description 进行中的促销标签，如 限时折扣、满3000减300（限时折扣在前） */
            promotionTags: string[];
            /** @description 限时折扣后的最低价（分）；无限时折扣或不低于原最低价时为 null */
            promoPriceFen: number | null;
            /** @description 商品状态（顾客只看到 on_sale） */
            status: string;
            salesCount: number;
            availability: components["schemas"]["Availability"];
            /** @description UTC 毫秒 */
            createdAt: number;
        };
        Availability: {
            /** @enum {string} */
            status: "in_stock" | "low" | "sold_out";
            label: string;
        };
        ProductCard: {
            id: number;
            name: string;
            subtitle: string;
            brand: string;
            /** @description 最低 SKU 价（分） */
            priceFen: number;
            /** @description 金额（分） */
            originalPriceFen: number | null;
            /** @description 首图 URL */
            cover: string | null;
            /** @description 最多三个卖点标签，如 一级能效、65英寸 */
            tags: string[];
            /** @description 评价数（可见评价），无评价为 0 */
            reviewCount: number;
            /** @description 好评率（4–5 星占比，四舍五入的整数 %）；无评价为 null（显示 暂无评价） */
            goodRatePercent: number | null;
        };
        ProductPage: {
            items: components["schemas"]["ProductListItem"][];
            /** @description 下一页的 cursor；null 表示没有更多 */
            nextCursor: string | null;
        };
        /** @description 分类的属性筛选项（由分类的属性定义决定，值来自在售商品） */
        Facets: {
            items: components["schemas"]["Facet"][];
        };
        Facet: {
            /** @enum {string} */
            key: "energy_grade" | "screen_inch" | "resolution" | "refresh_rate_hz" | "capacity_l" | "door_type" | "capacity_kg" | "washer_type" | "horsepower" | "ac_type" | "inverter" | "power_w" | "noise_db" | "width_mm" | "height_mm" | "depth_mm";
            /** @description 如 匹数、空调类型 */
            label: string;
            options: components["schemas"]["FacetOption"][];
        };
        FacetOption: {
            /** @description 传给 attr.<key> 的值，多个用逗号分隔 */
            value: string;
            /** @description 如 1.5匹、挂机 */
            label: string;
            /** @description 在售商品数 */
            count: number;
        };
        HotSearches: {
            items: {
                term: string;
                /** @description 近 30 天搜索次数 */
                count: number;
            }[];
        };
        ProductDetail: {
            id: number;
            name: string;
            subtitle: string;
            brand: string;
            category: {
                id: number;
                name: string;
            } | null;
            /** @description 已净化的富文本 */
            descriptionHtml: string;
            /** @description 图片 URL */
            images: string[];
            warrantyMonths: number;
            /** @description 金额（分） */
            priceFen: number;
            /** @description 金额（分） */
            originalPriceFen: number | null;
            salesCount: number;
            specTable: components["schemas"]["SpecRow"][];
            tags: string[];
            /** @description 进行中的促销标签，如 限时折扣、满3000减300（限时折扣在前） */
            promotionTags: string[];
            /** @description 限时折扣后的最低价（分）；无限时折扣或不低于原最低价时为 null */
            promoPriceFen: number | null;
            specOptions: components["schemas"]["SpecOption"][];
            availability: components["schemas"]["Availability"];
            skus: components["schemas"]["ShopperSku"][];
        };
        SpecRow: {
            /** @enum {string} */
            key: "energy_grade" | "screen_inch" | "resolution" | "refresh_rate_hz" | "capacity_l" | "door_type" | "capacity_kg" | "washer_type" | "horsepower" | "ac_type" | "inverter" | "power_w" | "noise_db" | "width_mm" | "height_mm" | "depth_mm";
            label: string;
            value: string;
        };
        /** @description SKU 选择器的一个规格维度，如 颜色 → [白, 灰] */
        SpecOption: {
            name: string;
            values: string[];
        };
        ShopperSku: {
            id: number;
            skuCode: string;
            /** @description 规格，如 { 颜色: 白色, 容量: 10kg } */
            specs: {
                [key: string]: string;
            };
            /** @description 金额（分） */
            priceFen: number;
            /** @description 金额（分） */
            originalPriceFen: number | null;
            weightG: number;
            volumeCm3: number;
            /** @description 图片 key */
            image: string | null;
            imageUrl: string | null;
            availability: components["schemas"]["Availability"];
            /** @description 该 SKU 的限时价（分）；无则 null */
            promoPriceFen: number | null;
        };
        BrandFacets: {
            items: components["schemas"]["BrandFacet"][];
        };
        BrandFacet: {
            brand: string;
            count: number;
        };
        HomeFeed: {
            banners: components["schemas"]["Banner"][];
            recommended: components["schemas"]["HomeProduct"][];
        };
        Banner: {
            id: number;
            title: string;
            /** @description 图片 URL */
            image: string;
            /** @enum {string} */
            linkType: "product" | "category" | "search" | "none";
            linkValue: string;
        };
        HomeProduct: components["schemas"]["ProductCard"] & {
            /** @description 进行中的促销标签，如 限时折扣、满3000减300（限时折扣在前） */
            promotionTags: string[];
            /** @description 限时折扣后的最低价（分）；无限时折扣或不低于原最低价时为 null */
            promoPriceFen: number | null;
        };
        RestockSubscription: {
            skuId: number;
            subscribed: boolean;
        };
        RestockPending: {
            skuIds: number[];
        };
        /** @description 全部分类（平铺，按排序） */
        AdminCategoryList: {
            items: components["schemas"]["AdminCategory"][];
        };
        AdminCategory: {
            id: number;
            parentId: number | null;
            name: string;
            icon: string | null;
            sortOrder: number;
            noReasonReturn: boolean;
            /** @description 该分类商品填写的属性（attributes 的 key），按顺序 */
            attributeKeys: string[];
            /** @description UTC 毫秒 */
            createdAt: number;
            /** @description UTC 毫秒 */
            updatedAt: number;
        };
        AttributeDefinitions: {
            items: components["schemas"]["AttributeDefinition"][];
        };
        AttributeDefinition: {
            /** @enum {string} */
            key: "energy_grade" | "screen_inch" | "resolution" | "refresh_rate_hz" | "capacity_l" | "door_type" | "capacity_kg" | "washer_type" | "horsepower" | "ac_type" | "inverter" | "power_w" | "noise_db" | "width_mm" | "height_mm" | "depth_mm";
            label: string;
            /**
             * @description number 数值；enum 选项；grade 等级 1..max
             * @enum {string}
             */
            kind: "number" | "enum" | "grade";
            unit: string | null;
            min: number | null;
            max: number | null;
            /** @description enum 的可选值；其他为空 */
            values: string[];
        };
        Ok: {
            /** @description 总是 true */
            ok: boolean;
        };
        AdminProductPage: {
            items: components["schemas"]["ProductListItem"][];
            nextCursor: string | null;
        };
        AdminProduct: {
            id: number;
            categoryId: number;
            name: string;
            subtitle: string;
            descriptionHtml: string;
            brand: string;
            /** @enum {string} */
            status: "draft" | "on_sale" | "off_shelf";
            warrantyMonths: number;
            attributes: {
                [key: string]: string | number;
            };
            /** @description 图片 key，首张为封面 */
            imageKeys: string[];
            /** @description 图片 URL（与 imageKeys 一一对应） */
            images: string[];
            /** @description 金额（分） */
            minPriceFen: number;
            /** @description 金额（分） */
            minOriginalPriceFen: number | null;
            salesCount: number;
            /**
             * @description 运费方式（物流设置中修改）
             * @enum {string}
             */
            shippingMode: "shop_default" | "template" | "free" | "fixed";
            freightTemplateId: number | null;
            /** @description 金额（分） */
            fixedFreightFen: number | null;
            specTable: {
                key: string;
                label: string;
                value: string;
            }[];
            /** @description 全部 SKU，含停用的 */
            skus: components["schemas"]["AdminSku"][];
            /** @description UTC 毫秒 */
            createdAt: number;
            /** @description UTC 毫秒 */
            updatedAt: number;
        };
        AdminSku: {
            id: number;
            skuCode: string;
            specs: {
                [key: string]: string;
            };
            /** @description 金额（分） */
            priceFen: number;
            /** @description 金额（分） */
            originalPriceFen: number | null;
            barcode: string | null;
            weightG: number;
            volumeCm3: number;
            /** @description 图片 key */
            image: string | null;
            imageUrl: string | null;
            active: boolean;
        };
        ImportReport: {
            dryRun: boolean;
            /** @description 商品数（CSV 按 product_ref 归组） */
            total: number;
            valid: number;
            created: {
                ref: string;
                id: number;
            }[];
            failed: number;
            errors: components["schemas"]["ImportRowError"][];
        };
        /** @description 一个商品的错误：CSV 行号（含表头为第 1 行） */
        ImportRowError: {
            rows: number[];
            ref: string;
            messages: string[];
        };
        AdminBanner: {
            id: number;
            title: string;
            image: string;
            /** @enum {string} */
            linkType: "product" | "category" | "search" | "none";
            linkValue: string;
            sortOrder: number;
            active: boolean;
            /** @description UTC 毫秒 */
            createdAt: number;
        };
        FaqByCategory: {
            categories: components["schemas"]["FaqCategory"][];
        };
        FaqCategory: {
            name: string;
            items: components["schemas"]["FaqItem"][];
        };
        FaqItem: {
            id: string;
            question: string;
            answer: string;
        };
        FaqSearchResult: {
            items: components["schemas"]["FaqSearchHit"][];
        };
        FaqSearchHit: components["schemas"]["FaqItem"] & {
            category: string;
            /** @description 0–1，与客服机器人相同的检索打分 */
            confidence: number;
        };
        FaqAdminList: {
            items: components["schemas"]["FaqAdminEntry"][];
        };
        FaqAdminEntry: {
            id: string;
            question: string;
            answer: string;
            keywords: string[];
            category: string;
            enabled: boolean;
            sortOrder: number;
            /** @description 检索学习用的相似问法（来自评测集的开发集，只读） */
            examples: string[];
            createdAt: number;
            updatedAt: number;
        };
        FaqTryResult: {
            /** @description 机器人会回复顾客的文字 */
            answer: string;
            /** @description 0–1，最佳检索结果的置信度 */
            confidence: number;
            /** @description 这条问题会直接转人工 */
            escalates: boolean;
            /** @enum {string|null} */
            escalationReason: "explicit" | "complaint" | "low_confidence" | "unresolved" | "llm_handoff" | null;
            /** @description 回答下方显示「转人工」按钮（置信度偏低） */
            offerHuman: boolean;
            sources: {
                id: string;
                question: string;
            }[];
            /** @enum {string} */
            via: "llm" | "retrieval";
        };
        WarrantyPolicyList: {
            items: components["schemas"]["WarrantyPolicy"][];
        };
        WarrantyPolicy: {
            slug: string;
            /** @description 品类名称 */
            category: string;
            aliases: string[];
            wholeUnitYears: number;
            mainParts: string[];
            mainPartsYears: number;
            extensions: components["schemas"]["PartWarranty"][];
            exclusions: string[];
            /** @description 一段给顾客看的中文说明 */
            description: string;
        };
        /** @description 品牌/厂家在三包之外的更长承诺 */
        PartWarranty: {
            part: string;
            years: number;
            note?: string;
        };
        OutletList: {
            items: components["schemas"]["Outlet"][];
        };
        Outlet: {
            id: number;
            name: string;
            /** @description 不带“市”，如 杭州 */
            city: string;
            district: string;
            address: string;
            phone: string;
            hours: string;
            /** @description GCJ-02 */
            lat: number;
            /** @description GCJ-02 */
            lng: number;
            /** @description 服务的保修政策 slug */
            categories: string[];
            /** @description 提供经纬度时：距离（米） */
            distanceM?: number;
        };
        OutletCities: {
            items: components["schemas"]["OutletCity"][];
        };
        OutletCity: {
            city: string;
            count: number;
        };
        ItemWarranty: components["schemas"]["ItemWarrantyPending"] | components["schemas"]["ItemWarrantyActive"];
        ItemWarrantyPending: {
            orderItemId: number;
            orderNo: string;
            productName: string;
            policy: {
                slug: string;
                category: string;
                description: string;
            };
            /** @enum {boolean} */
            delivered: false;
            message: string;
        };
        ItemWarrantyActive: {
            orderItemId: number;
            orderNo: string;
            productName: string;
            policy: {
                slug: string;
                category: string;
                description: string;
            };
            /** @enum {boolean} */
            delivered: true;
            /** @description UTC 毫秒 */
            deliveredAt: number;
            status: components["schemas"]["WarrantyStatus"];
        };
        WarrantyStatus: {
            category: string;
            /** @description UTC 毫秒 */
            startsAt: number;
            wholeUnit: components["schemas"]["Coverage"];
            mainParts?: components["schemas"]["MainPartsCoverage"];
            extensions: components["schemas"]["Coverage"][];
            /** @description 任一保修仍有效 */
            active: boolean;
        };
        Coverage: {
            /** @description 整机、主要部件或部件名 */
            part: string;
            months: number;
            /** @description 保修截止（不含），UTC 毫秒 */
            endsAt: number;
            active: boolean;
            daysLeft: number;
            note?: string;
        };
        MainPartsCoverage: {
            /** @description 整机、主要部件或部件名 */
            part: string;
            months: number;
            /** @description 保修截止（不含），UTC 毫秒 */
            endsAt: number;
            active: boolean;
            daysLeft: number;
            note?: string;
            parts: string[];
        };
        SerialWarranty: {
            serialNo: string;
            productName: string;
            specs: {
                [key: string]: string;
            };
            /** @description 安装完成时间：保修起算 */
            installedAt: number;
            policy: {
                slug: string;
                category: string;
                description: string;
            };
            status: components["schemas"]["WarrantyStatus"];
        };
        CaseEligibility: {
            orderNo: string;
            items: components["schemas"]["CaseLineEligibility"][];
            reasons: components["schemas"]["CaseReason"][];
        };
        CaseLineEligibility: {
            orderItemId: number;
            name: string;
            image: string | null;
            specs: {
                [key: string]: string;
            };
            quantity: number;
            /** @description 尚未在其他售后单中的件数 */
            available: number;
            /** @description 下一件可退商品金额（实付，已扣优惠） */
            unitRefundFen: number;
            /** @description 品类支持七天无理由退货 */
            noReasonReturn: boolean;
            types: components["schemas"]["CaseTypeEligibility"][];
        };
        CaseTypeEligibility: {
            /** @enum {string} */
            type: "refund_only" | "return_refund" | "exchange" | "repair";
            /** @description 仅退款 / 退货退款 / 换货 / 维修 */
            label: string;
            allowed: boolean;
            /** @description 不可申请的原因，或仍适用的限制 */
            reason?: string;
            /** @description 可申请截止时间 */
            deadline?: number;
        };
        CaseReason: {
            /** @enum {string} */
            code: "no_reason" | "quality" | "damaged_on_arrival" | "wrong_item" | "not_as_described" | "not_received" | "other";
            label: string;
        };
        CasePhoto: {
            key: string;
            /** @description /api/after-sales/photos/{key} */
            url: string;
        };
        CaseDetail: components["schemas"]["CaseSummary"] & {
            description: string;
            photos: components["schemas"]["CasePhoto"][];
            unused: boolean;
            items: components["schemas"]["CaseItem"][];
            refund: components["schemas"]["CaseRefund"];
            refuseReason: string | null;
            /** @description 同意退货/换货后显示 */
            returnAddress: {
                name: string;
                phone: string;
                address: string;
            } | null;
            returnShipment: {
                carrier: string | null;
                trackingNo: string | null;
                pickup: {
                    date: string;
                    slot: string;
                } | null;
            } | null;
            received: {
                orderItemId: number;
                receivedQty: number;
                damagedQty: number;
            }[] | null;
            exchangeShipment: {
                carrier: string;
                trackingNo: string;
            } | null;
            workOrderNo: string | null;
            /** @description 维修申请的维修工单及其进度 */
            workOrder: {
                workOrderNo: string;
                status: string;
                /** @description 已受理/待预约/上门中/已完工/已确认/已取消 */
                statusText: string;
            } | null;
            /** @description 如：商家 2 天内未处理将自动同意 */
            deadlineText: string | null;
            /** @description 当前查看者可执行的操作 */
            actions: string[];
            timeline: components["schemas"]["CaseEvent"][];
        };
        CaseItem: {
            orderItemId: number;
            name: string;
            image: string | null;
            specs: {
                [key: string]: string;
            };
            quantity: number;
            /** @description 这些件数的实付商品金额 */
            goodsFen: number;
        };
        CaseRefund: {
            /** @description 金额（分） */
            amountFen: number;
            /** @description 金额（分） */
            goodsFen: number;
            /** @description 金额（分） */
            freightFen: number;
            /** @description 安装等服务费 */
            chargesFen: number;
            /**
             * @description none：尚未发起
             * @enum {string}
             */
            status: "none" | "pending" | "processing" | "succeeded" | "failed";
            statusText: string;
            outRefundNo: string | null;
        };
        CaseEvent: {
            kind: string;
            /** @enum {string|null} */
            fromStatus: "applied" | "approved" | "refused" | "return_shipped" | "received" | "refunding" | "refunded" | "exchange_shipped" | "repairing" | "done" | "closed" | "cancelled" | null;
            /** @enum {string|null} */
            toStatus: "applied" | "approved" | "refused" | "return_shipped" | "received" | "refunding" | "refunded" | "exchange_shipped" | "repairing" | "done" | "closed" | "cancelled" | null;
            /** @enum {string} */
            actor: "shopper" | "merchant" | "system" | "gateway";
            reason: string;
            /** @description UTC 毫秒 */
            at: number;
        };
        CaseSummary: {
            caseNo: string;
            orderNo: string;
            /** @enum {string} */
            type: "refund_only" | "return_refund" | "exchange" | "repair";
            typeText: string;
            /** @enum {string} */
            status: "applied" | "approved" | "refused" | "return_shipped" | "received" | "refunding" | "refunded" | "exchange_shipped" | "repairing" | "done" | "closed" | "cancelled";
            statusText: string;
            /** @enum {string} */
            reasonCode: "no_reason" | "quality" | "damaged_on_arrival" | "wrong_item" | "not_as_described" | "not_received" | "other";
            reasonText: string;
            /** @description 退款金额（发起退款前为预估） */
            refundFen: number;
            itemsSummary: string;
            image: string | null;
            /** @description UTC 毫秒 */
            deadlineAt: number | null;
            /** @description UTC 毫秒 */
            createdAt: number;
            /** @description UTC 毫秒 */
            updatedAt: number;
        };
        CaseList: {
            items: components["schemas"]["CaseSummary"][];
            nextCursor: string | null;
        };
        CategoryNoReasonReturn: {
            id: number;
            name: string;
            noReasonReturn: boolean;
        };
        Cart: {
            items: components["schemas"]["CartLine"][];
            summary: components["schemas"]["CartSummary"];
        };
        CartLine: components["schemas"]["CheckedLine"] & {
            selected: boolean;
        };
        CheckedLine: {
            skuId: number;
            /** @description 0 when the SKU no longer exists */
            productId: number;
            name: string;
            specs: {
                [key: string]: string;
            };
            imageUrl: string | null;
            /** @description 金额（分） */
            unitPriceFen: number;
            quantity: number;
            /** @description 金额（分） */
            lineTotalFen: number;
            /** @description 可售库存快照（SKU 不存在时为 null） */
            stock: number | null;
            available: boolean;
            /** @enum {string|null} */
            unavailableReason: "not_found" | "off_shelf" | "sku_disabled" | "out_of_stock" | "insufficient_stock" | null;
            /** @description 如 暂时缺货、库存不足、商品已下架 */
            unavailableLabel: string | null;
        };
        CartSummary: {
            lineCount: number;
            /** @description 勾选且可买的件数 */
            selectedCount: number;
            /** @description 勾选且可买的商品金额（分，不含运费优惠） */
            selectedTotalFen: number;
            unavailableCount: number;
        };
        AddressList: {
            items: components["schemas"]["Address"][];
        };
        Address: {
            id: number;
            receiverName: string;
            phone: string;
            /** @description 省（名称，由代码得出） */
            province: string;
            city: string;
            district: string;
            /** @description GB/T 2260 省级代码（旧地址为 null） */
            provinceCode: string | null;
            /** @description GB/T 2260 市级代码（旧地址为 null） */
            cityCode: string | null;
            /** @description GB/T 2260 区县代码（旧地址为 null） */
            districtCode: string | null;
            detail: string;
            isDefault: boolean;
            createdAt: number;
            updatedAt: number;
        };
        Quote: {
            fromCart: boolean;
            items: (components["schemas"]["CheckedLine"] & {
                /** @description 该地址不能配送时的原因，如 该地区暂不配送 */
                deliveryProblem: string | null;
            })[];
            adjustments: components["schemas"]["Adjustment"][];
            /** @description 金额（分） */
            itemsTotalFen: number;
            /** @description 金额（分） */
            shippingFen: number;
            /** @description 金额（分） */
            discountFen: number;
            /** @description 运费以外的收费（安装、上楼…） */
            otherChargesFen: number;
            /** @description 金额（分） */
            payableFen: number;
            address: components["schemas"]["Address"] & (Record<string, never> | null);
            deliveryPromise: components["schemas"]["DeliveryPromise"];
            /** @description 各行是否需要安装、包含内容与可选附加费 */
            installation: components["schemas"]["InstallationLineInfo"][];
            tradeIn: components["schemas"]["TradeInQuote"];
            member: components["schemas"]["QuoteMember"];
            promotionHint: components["schemas"]["PromotionHint"];
            /** @description 已享受的、不可与优惠券同享的促销名称；为 null 时可用券 */
            couponsBlockedBy: string | null;
            coupon: components["schemas"]["QuoteCoupons"];
            orderable: boolean;
            /** @description 不能下单（或需注意）的原因 */
            problems: string[];
        };
        Adjustment: {
            /** @description 产生它的定价步骤，如 shipping.rule */
            step: string;
            /** @description shipping、discount…（可扩展：按金额正负计入应付） */
            kind: string;
            /** @description 给顾客看的名称，如 运费、满999包邮 */
            label: string;
            /** @description 收费为正，优惠为负（分） */
            amountFen: number;
            /** @description 只作用于一行商品时 */
            skuId?: number;
            /** @description 分摊到各行的金额，合计等于 amountFen */
            allocations?: components["schemas"]["LineAllocation"][];
        };
        LineAllocation: {
            skuId: number;
            amountFen: number;
        };
        /** @description 无地址或不能配送时为 null */
        DeliveryPromise: {
            /** @description 预计送达日期（北京时间 YYYY-MM-DD） */
            date: string;
            /** @description 如 预计明天送达、预计12月9日（周三）送达 */
            text: string;
            /** @description 截单时间前下单，当日发货 */
            dispatchToday: boolean;
        } | null;
        InstallationLineInfo: {
            skuId: number;
            requiresInstallation: boolean;
            /** @example 需预约上门安装 */
            headline: string;
            includes: string;
            options: components["schemas"]["InstallationOption"][];
        };
        InstallationOption: {
            /** @enum {string} */
            key: "bracket" | "highAltitude" | "carry";
            label: string;
            /** @description 分 */
            unitFen: number;
            /** @example ¥80.00/台 */
            priceLabel: string;
        };
        /** @description 以旧换新：各行可选旧机品类与已申报的抵扣 */
        TradeInQuote: {
            conditions: components["schemas"]["TradeInCondition"][];
            lines: components["schemas"]["TradeInQuoteLine"][];
        };
        TradeInCondition: {
            /**
             * @description good 完好 / fair 一般 / broken 损坏
             * @enum {string}
             */
            value: "good" | "fair" | "broken";
            label: string;
            description: string;
        };
        TradeInQuoteLine: {
            skuId: number;
            /** @description 该新机可抵换的旧机品类；空数组 = 不支持以旧换新 */
            options: {
                slug: string;
                name: string;
            }[];
            declared: {
                categorySlug: string;
                /** @description 旧机品类，如 空调 */
                name: string;
                ageYears: number;
                /**
                 * @description good 完好 / fair 一般 / broken 损坏
                 * @enum {string}
                 */
                condition: "good" | "fair" | "broken";
                conditionLabel: string;
                /** @description 估价表给出的旧机估价 */
                valuationFen: number;
                /** @description 本单实际抵扣（不超过新机单价的上限比例） */
                deductionFen: number;
                /** @description 估价超过抵扣上限、按上限抵扣 */
                capped: boolean;
            } | null;
        };
        /** @description 会员等级与积分抵扣（未登录时为 null） */
        QuoteMember: {
            tierName: string;
            points: components["schemas"]["PointsQuote"];
        } | null;
        PointsQuote: {
            /** @description 可用积分（可能为负：退款收回了已用积分） */
            balance: number;
            /** @description 多少积分抵 1 元 */
            redeemPointsPerYuan: number;
            usable: boolean;
            /** @description 不能使用时的原因 */
            reason: string | null;
            /** @description 本单最多可用积分 */
            maxPoints: number;
            /** @description 本单最多可抵（分） */
            maxDiscountFen: number;
            selected: boolean;
            usedPoints: number;
            discountFen: number;
        };
        /** @description 离下一档优惠还差多少；没有可凑的档位时为 null */
        PromotionHint: {
            promotionId: number;
            /** @description 如 再买¥120.00可减300 */
            text: string;
            shortfallFen: number;
        } | null;
        /** @description 顾客的优惠券：省得最多的在前，不可用的说明原因 */
        QuoteCoupons: {
            /** @description 本单使用的券；null 不用券 */
            selectedId: number | null;
            options: components["schemas"]["QuoteCouponOption"][];
        };
        QuoteCouponOption: {
            couponId: number;
            name: string;
            /** @description 如 满3000减300、8.8折 */
            label: string;
            /** @description UTC 毫秒 */
            validTo: number;
            applicable: boolean;
            /** @description 本单可省（分）；不可用时为 0 */
            savingFen: number;
            /** @description 不可用的原因，如 未达到使用门槛（还差¥12.00） */
            reason: string | null;
        };
        InstallationChoices: {
            bracket?: number[];
            highAltitude?: number[];
            floor?: number;
            hasLift?: boolean;
        };
        TradeInDeclaration: {
            /** @description 换购的新机（结算行的 SKU） */
            skuId: number;
            /** @description 旧机品类，如 air_conditioner（见报价 tradeIn.lines[].options） */
            categorySlug: string;
            ageYears: number;
            /** @enum {string} */
            condition: "good" | "fair" | "broken";
        };
        DeliveryEstimate: {
            /** @description 所送区县（所选的，或顾客的默认地址）；都没有时为 null */
            region: {
                /** @description 如 广东省 深圳市 南山区 */
                text: string;
                districtCode: string | null;
            } | null;
            deliverable: boolean;
            /** @description 一件该规格的运费（分）；不配送时为 null */
            freightFen: number | null;
            /** @description 运费 / 包邮 / 满99.00元包邮 / 该地区暂不配送 */
            freightLabel: string | null;
            deliveryPromise: components["schemas"]["DeliveryPromise"];
        };
        OrderDetail: {
            id: number;
            orderNo: string;
            status: components["schemas"]["OrderStatus"];
            /** @description 给顾客看的状态，如 待付款 */
            statusText: string;
            /** @description 金额（分） */
            itemsTotalFen: number;
            /** @description 金额（分） */
            shippingFen: number;
            /** @description 金额（分） */
            discountFen: number;
            /** @description 金额（分） */
            payableFen: number;
            /** @description 待支付订单的支付截止时间 */
            payDeadline: number | null;
            /** @description UTC 毫秒 */
            createdAt: number;
            items: components["schemas"]["OrderItem"][];
            adjustments: components["schemas"]["Adjustment"][];
            address: components["schemas"]["AddressSnapshot"];
            deliveryPromise: components["schemas"]["DeliveryPromise"] & unknown;
            shopperRemark: string;
            /** @description wechat / alipay */
            paymentMethod: string | null;
            /** @description UTC 毫秒 */
            paidAt: number | null;
            carrier: string | null;
            trackingNo: string | null;
            /** @description UTC 毫秒 */
            shippedAt: number | null;
            /** @description 已发货订单的自动确认收货时间 */
            autoCompleteAt: number | null;
            /** @description UTC 毫秒 */
            completedAt: number | null;
            /** @description UTC 毫秒 */
            cancelledAt: number | null;
            cancelReason: string | null;
            /** @description 顾客现在可以做的操作，如 cancel、pay、confirm_receipt */
            actions: string[];
            timeline: components["schemas"]["TimelineEntry"][];
            refunds: components["schemas"]["OrderRefund"][];
            /** @description 已退款（分） */
            refundedFen: number;
            /** @description 退款处理中（分） */
            refundingFen: number;
        };
        /**
         * @description 待支付 / 待发货 / 已发货 / 已完成 / 已取消
         * @enum {string}
         */
        OrderStatus: "pending_payment" | "paid" | "shipped" | "completed" | "cancelled";
        OrderItem: {
            /** @description 订单商品 id（保修查询用） */
            id: number;
            skuId: number;
            productId: number;
            name: string;
            specs: {
                [key: string]: string;
            };
            imageUrl: string | null;
            /** @description 金额（分） */
            unitPriceFen: number;
            quantity: number;
            /** @description 金额（分） */
            lineTotalFen: number;
            /** @description 本行分摊运费和优惠后实付（分） */
            payableFen: number;
        };
        AddressSnapshot: {
            receiverName: string;
            phone: string;
            province: string;
            city: string;
            district: string;
            detail: string;
        };
        TimelineEntry: {
            /** @description 动作（pay、cancel、ship…）或记录（created、payment_started…） */
            kind: string;
            fromStatus: components["schemas"]["OrderStatus"] & (string | null);
            toStatus: components["schemas"]["OrderStatus"] & (string | null);
            toStatusText: string | null;
            /** @enum {string} */
            actor: "shopper" | "merchant" | "system" | "gateway";
            actorText: string;
            reason: string;
            /** @description UTC 毫秒 */
            at: number;
        };
        OrderRefund: {
            /** @description 退款单号（重试沿用同一单号，不会重复退款） */
            outRefundNo: string;
            /** @enum {string} */
            method: "wechat" | "alipay";
            methodLabel: string;
            /**
             * @description 退款原因来源：重复支付 / 取消后到账 / 取消订单 / 售后 / 价保 / 以旧换新
             * @enum {string}
             */
            source: "duplicate_payment" | "late_payment" | "order_cancel" | "after_sale" | "price_protection" | "trade_in";
            sourceRef: string;
            /** @description 金额（分） */
            amountFen: number;
            reason: string;
            /** @enum {string} */
            status: "pending" | "submitting" | "processing" | "succeeded" | "failed";
            statusLabel: string;
            /** @description UTC 毫秒 */
            createdAt: number;
            /** @description UTC 毫秒 */
            updatedAt: number;
            /** @description 原支付的渠道交易号（仅商家可见） */
            transactionId?: string | null;
            /** @description 渠道退款单号（仅商家可见） */
            refundId?: string | null;
        };
        OrderPage: {
            items: components["schemas"]["OrderListItem"][];
            nextCursor: string | null;
        };
        OrderListItem: {
            id: number;
            orderNo: string;
            status: components["schemas"]["OrderStatus"];
            /** @description 给顾客看的状态，如 待付款 */
            statusText: string;
            /** @description 金额（分） */
            itemsTotalFen: number;
            /** @description 金额（分） */
            shippingFen: number;
            /** @description 金额（分） */
            discountFen: number;
            /** @description 金额（分） */
            payableFen: number;
            /** @description 待支付订单的支付截止时间 */
            payDeadline: number | null;
            /** @description UTC 毫秒 */
            createdAt: number;
            itemCount: number;
            items: components["schemas"]["OrderItem"][];
        };
        /** @description 我的订单角标：待付款 / 待发货 / 待收货 */
        OrderCounts: {
            unpaid: number;
            to_ship: number;
            to_receive: number;
        };
        StartPaymentResult: {
            orderNo: string;
            /** @description 金额（分） */
            payableFen: number;
            /** @description UTC 毫秒 */
            payDeadline: number;
            payment: components["schemas"]["ClientPayParams"];
        };
        ClientPayParams: components["schemas"]["WechatMiniProgramPayment"] | components["schemas"]["AlipayMiniProgramPayment"] | components["schemas"]["AlipayH5Payment"] | components["schemas"]["WechatH5Payment"] | components["schemas"]["WechatBrowserPayment"];
        WechatMiniProgramPayment: {
            /** @enum {string} */
            method: "wechat";
            /** @enum {string} */
            channel: "miniprogram";
            prepayId: string;
            payParams: components["schemas"]["WechatJsapiPayParams"];
        };
        /** @description wx.requestPayment 的参数 */
        WechatJsapiPayParams: {
            appId: string;
            timeStamp: string;
            nonceStr: string;
            package: string;
            /** @enum {string} */
            signType: "RSA";
            paySign: string;
        };
        AlipayMiniProgramPayment: {
            /** @enum {string} */
            method: "alipay";
            /** @enum {string} */
            channel: "miniprogram";
            /** @description 传给 my.tradePay({ tradeNO }) */
            tradeNo: string;
        };
        AlipayH5Payment: {
            /** @enum {string} */
            method: "alipay";
            /** @enum {string} */
            channel: "h5";
            /** @description 浏览器跳转（GET）到支付宝收银台 */
            redirectUrl: string;
        };
        WechatH5Payment: {
            /** @enum {string} */
            method: "wechat";
            /** @enum {string} */
            channel: "h5";
            /** @description 浏览器跳转（GET）到微信支付 H5 收银台（h5_url，已附 redirect_url） */
            redirectUrl: string;
        };
        WechatBrowserPayment: {
            /** @enum {string} */
            method: "wechat";
            /** @enum {string} */
            channel: "wechat_browser";
            prepayId: string;
            /** @description WeixinJSBridge.invoke('getBrandWCPayRequest') 的参数 */
            payParams: {
                appId: string;
                timeStamp: string;
                nonceStr: string;
                package: string;
                /** @enum {string} */
                signType: "RSA";
                paySign: string;
            };
        };
        StaffAccountUpdate: {
            id: number;
            disabled: boolean;
            endedSessions: number;
        };
        Dashboard: {
            generatedAt: number;
            today: components["schemas"]["DashboardPeriod"];
            yesterday: components["schemas"]["DashboardPeriod"];
            month: components["schemas"]["DashboardPeriod"];
            todo: components["schemas"]["DashboardTodo"];
            /** @description 近 14 天每日销售额，旧→新 */
            salesChart: {
                /** @description yyyy-MM-dd（北京时间） */
                day: string;
                salesFen: number;
                paidOrders: number;
            }[];
        };
        DashboardPeriod: {
            /** @description 销售额（分）：期间内付款且未取消的订单实付合计 */
            salesFen: number;
            /** @description 付款订单数 */
            paidOrders: number;
            /** @description 客单价（分） */
            averageOrderFen: number;
        };
        DashboardTodo: {
            /** @description 待发货订单 */
            toShip: number;
            /** @description 待审核售后单（applied） */
            afterSalesToReview: number;
            /** @description 低于预警值的 SKU */
            lowStockSkus: number;
            /** @description 排队等待人工客服的会话 */
            chatsWaiting: number;
            /** @description 未完工的维修工单 */
            repairsOpen: number;
        };
        NoticePage: {
            items: components["schemas"]["Notice"][];
            /** @description 未读总数 */
            unread: number;
            nextCursor: string | null;
        };
        Notice: {
            id: number;
            /** @enum {string} */
            audience: "merchant" | "shopper" | "staff";
            /** @description 如 order_paid、order_shipped、low_stock */
            kind: string;
            title: string;
            body: string;
            /** @description 关联对象类型，如 order、sku、question（问大家的回答通知，refId 为问题编号） */
            refType: string | null;
            /** @description 关联对象，如订单号 */
            refId: string | null;
            createdAt: number;
            readAt: number | null;
        };
        MarkReadResult: {
            /** @description 本次标记为已读的条数 */
            updated: number;
        };
        Charge: {
            /** @description 收费单号（SC 开头），也是支付渠道的商户订单号 */
            chargeNo: string;
            /** @enum {string} */
            kind: "repair" | "trade_in";
            /** @description 所属业务单号，如维修工单号 */
            sourceRef: string;
            /** @description 金额（分） */
            amountFen: number;
            description: string;
            /** @enum {string} */
            status: "unpaid" | "paid" | "cancelled";
            statusLabel: string;
            /** @enum {string|null} */
            method: "wechat" | "alipay" | null;
            /** @description UTC 毫秒 */
            paidAt: number | null;
            /** @description UTC 毫秒 */
            createdAt: number;
        };
        StartChargePaymentResult: {
            chargeNo: string;
            /** @description 金额（分） */
            amountFen: number;
            payment: components["schemas"]["ClientPayParams"];
        };
        /** @description WebSocket 握手用的 60 秒凭证（?ticket=） */
        ChatTicket: {
            ticket: string;
            /** @description UTC 毫秒 */
            expiresAt: number;
        };
        OpenConversationResult: {
            created: boolean;
            conversation: components["schemas"]["ConversationInfo"];
        };
        ConversationInfo: {
            id: number;
            status: components["schemas"]["ConversationStatus"];
            agent: components["schemas"]["AgentInfo"];
            /** @description 排队位置（从 1 起） */
            queuePosition: number | null;
            /** @description 最新一条消息的 id（没有消息时为 0） */
            lastId: number;
            /** @description UTC 毫秒 */
            createdAt: number;
        };
        /**
         * @description bot 机器人接待 / queued 排队中 / assigned 人工接待 / closed 已结束
         * @enum {string}
         */
        ConversationStatus: "bot" | "queued" | "assigned" | "closed";
        AgentInfo: {
            id: number;
            name: string;
        } | null;
        ShopperConversationList: {
            items: components["schemas"]["ShopperConversation"][];
        };
        ShopperConversation: {
            id: number;
            status: components["schemas"]["ConversationStatus"];
            agentId: number | null;
            csat: number | null;
            /** @description UTC 毫秒 */
            createdAt: number;
            /** @description UTC 毫秒 */
            closedAt: number | null;
        };
        ChatHistory: {
            messages: components["schemas"]["ChatMessage"][];
            hasMore: boolean;
        };
        ChatMessage: {
            /** @description 会话内递增 */
            id: number;
            from: {
                /** @enum {string} */
                kind: "shopper" | "bot" | "agent" | "system";
                id: number | null;
                name: string;
            };
            /** @description 纯文本（不是 HTML） */
            text: string;
            /** @description UTC 毫秒 */
            at: number;
            /** @description 发送方的幂等键回显 */
            clientMsgId?: string;
            /** @description 机器人回答引用的 FAQ id */
            sources?: string[];
        };
        CsatResult: {
            conversationId: number;
            /** @description 1–5 */
            csat: number;
        };
        AgentQueue: {
            queue: components["schemas"]["QueueEntry"][];
            agents: components["schemas"]["AgentPresence"][];
            /** @description 我正在接待的会话 id */
            mine: number[];
        };
        QueueEntry: {
            conversationId: number;
            shopperId: number;
            shopperName: string;
            /** @description 转人工原因 */
            reason: string;
            /** @description UTC 毫秒 */
            enqueuedAt: number;
            /** @description 从 1 起 */
            position: number;
        };
        AgentPresence: {
            id: number;
            name: string;
            online: boolean;
            /** @description 离开状态的客服不自动分配，但可以主动接入 */
            available: boolean;
            load: number;
            capacity: number;
        };
        AgentConversationList: {
            items: components["schemas"]["AgentConversation"][];
        };
        AgentConversation: {
            id: number;
            status: components["schemas"]["ConversationStatus"];
            shopperId: number;
            shopperName: string | null;
            escalationReason: string | null;
            csat: number | null;
            /** @description UTC 毫秒 */
            assignedAt: number | null;
            /** @description UTC 毫秒 */
            closedAt: number | null;
        };
        AgentContext: {
            conversation: components["schemas"]["RoomSummary"];
            shopper: {
                id: number;
                nickname: string;
            };
            orders: components["schemas"]["OrderContext"][];
        };
        RoomSummary: {
            conversationId: number;
            shopperId: number;
            shopperName: string;
            status: components["schemas"]["ConversationStatus"];
            agent: components["schemas"]["AgentInfo"];
            queuePosition: number | null;
            lastId: number;
        };
        /** @description 顾客最近的订单（客服与机器人看到的摘要） */
        OrderContext: {
            orderNo: string;
            /** @description 订单状态码 */
            status: string;
            statusText: string;
            /** @description 如 美的空调 ×1，小米电视 ×1 */
            itemsSummary: string;
            carrier?: string;
            trackingNo?: string;
            /** @description 最新一条物流轨迹（快递100），已发货且承运商已回传时 */
            latestTrace?: {
                /** @description UTC 毫秒 */
                time: number;
                context: string;
            };
            /** @description UTC 毫秒 */
            createdAt: number;
        };
        CannedReplyList: {
            items: components["schemas"]["CannedReply"][];
        };
        CannedReply: {
            id: number;
            title: string;
            text: string;
            sortOrder: number;
            /** @description 公共（商家管理员维护）或我的 */
            shared: boolean;
        };
        ChatAgentList: {
            items: components["schemas"]["ChatAgent"][];
        };
        ChatAgent: {
            id: number;
            username: string;
            name: string;
            disabled: boolean;
            /** @description 同时接待上限 */
            capacity: number;
            /** @description 工作台在线 */
            online: boolean;
            /** @description 在线且接单（非离开） */
            available: boolean;
            /** @description 正在接待的会话数 */
            load: number;
        };
        CreatedChatAgent: {
            id: number;
            username: string;
            name: string;
            capacity: number;
        };
        ChatAgentCapacity: {
            id: number;
            capacity: number;
        };
        CsatReport: {
            count: number;
            /** @description 保留两位小数；无评价时为 null */
            average: number | null;
            distribution: {
                1: number;
                2: number;
                3: number;
                4: number;
                5: number;
            };
        };
        CsatCommentList: {
            items: components["schemas"]["CsatComment"][];
        };
        CsatComment: {
            conversationId: number;
            score: number;
            comment: string | null;
            /** @description UTC 毫秒 */
            ratedAt: number;
            agentId: number | null;
            agentName: string | null;
            shopperName: string | null;
        };
        FlashSale: {
            id: string;
            skuId: number;
            units: number;
            shards: number;
            startsAt: number;
            endsAt: number;
            /** @enum {string} */
            status: "setting_up" | "active" | "failed";
            failure: string | null;
            /** @description 分片间调拨次数 */
            rebalances: number;
            unitsMoved: number;
            /** @description 协调对象本实例处理的调用数（负载指标，不持久） */
            coordinatorCalls: number;
            shardStats: {
                shard: number;
                onHand: number;
                available: number;
                reserved: number;
                sold: number;
                /** @description 该分片本实例处理的调用数（负载指标，不持久） */
                calls: number;
            }[];
            totals: {
                onHand: number;
                available: number;
                reserved: number;
                sold: number;
            };
            createdAt: number;
        };
        FlashSaleInput: {
            skuId: number;
            /** @description 秒杀数量（从该 SKU 的可售库存中划出） */
            units: number;
            /**
             * @description 分片数 N：库存平均分到 N 个库存对象，每个约承受 1,000 次/秒
             * @default 1
             */
            shards: number;
            /** @description 开始时间（UTC 毫秒） */
            startsAt: number;
            /** @description 结束时间（UTC 毫秒） */
            endsAt: number;
        };
        InstallationWorkOrderList: {
            items: components["schemas"]["InstallationWorkOrder"][];
        };
        InstallationWorkOrder: {
            id: number;
            orderId: number;
            orderNo: string;
            /** @enum {string} */
            status: "awaiting_booking" | "booked" | "rescheduled" | "on_the_way" | "done" | "cancelled";
            /** @example 待预约 */
            statusLabel: string;
            product: {
                skuId: number;
                productId: number;
                name: string;
                specs: {
                    [key: string]: string;
                };
                image: string | null;
                quantity: number;
            };
            /** @description 服务包含内容 */
            includes: string;
            /** @description 已付费的附加项，如 支架 ×1 */
            extras: string[];
            address: {
                receiverName: string;
                phone: string;
                province: string;
                city: string;
                district: string;
                detail: string;
            };
            /** @description 预约的时段（待预约、已取消时为 null） */
            slot: {
                id: number;
                areaId: number;
                /** @description 北京时间日期 YYYY-MM-DD */
                date: string;
                /** @example 周三 */
                weekday: string;
                /** @example 09:00–12:00 */
                label: string;
                /** @description UTC 毫秒 */
                startsAt: number;
                /** @description UTC 毫秒 */
                endsAt: number;
                areaName: string;
            } | null;
            installer: {
                id: number;
                name: string;
            } | null;
            /** @description 改约/取消截止时间（已预约时） */
            changeDeadline: number | null;
            /** @example 服务前一天 18:00 */
            changeDeadlineLabel: string | null;
            /** @description 当前查看者现在可以执行的操作 */
            actions: ("book" | "reschedule" | "cancel_booking" | "depart" | "complete" | "cancel")[];
            /** @description UTC 毫秒 */
            departedAt: number | null;
            /** @description UTC 毫秒 */
            doneAt: number | null;
            /** @description 完工登记的设备序列号 */
            serialNos: string[];
            /** @description 完工照片（需登录） */
            photoUrl: string | null;
            cancelReason: string | null;
            /** @description UTC 毫秒 */
            createdAt: number;
            /** @description UTC 毫秒 */
            updatedAt: number;
        };
        InstallationSlots: {
            area: {
                id: number;
                name: string;
            } | null;
            /** @description 地址不在服务区域时的说明 */
            message: string | null;
            cutoffLabel: string | null;
            items: components["schemas"]["BookableSlot"][];
        };
        BookableSlot: {
            id: number;
            areaId: number;
            /** @description 北京时间日期 YYYY-MM-DD */
            date: string;
            /** @example 周三 */
            weekday: string;
            /** @example 09:00–12:00 */
            label: string;
            /** @description UTC 毫秒 */
            startsAt: number;
            /** @description UTC 毫秒 */
            endsAt: number;
            remaining: number;
            /** @description 当前预约的时段 */
            current: boolean;
            bookable: boolean;
        };
        InstallerDay: {
            date: string;
            items: components["schemas"]["InstallationWorkOrder"][];
        };
        TradeIn: {
            id: number;
            orderItemId: number;
            categorySlug: string;
            name: string;
            ageYears: number;
            /**
             * @description good 完好 / fair 一般 / broken 损坏
             * @enum {string}
             */
            condition: "good" | "fair" | "broken";
            conditionLabel: string;
            /** @description 金额（分） */
            declaredValuationFen: number;
            /** @description 下单时抵扣的金额 */
            deductedFen: number;
            /** @description 回收估价上限 */
            capFen: number;
            /** @enum {string} */
            status: "declared" | "collected" | "not_collected";
            /** @description 待回收 / 已回收 / 未回收 */
            statusLabel: string;
            /**
             * @description good 完好 / fair 一般 / broken 损坏
             * @enum {string|null}
             */
            finalCondition: "good" | "fair" | "broken" | null;
            /** @description 上门回收时的估价 */
            finalValuationFen: number | null;
            settlement: {
                /**
                 * @description 无差额 / 退还差价 / 补缴
                 * @enum {string}
                 */
                kind: "none" | "refund" | "charge";
                /** @description 金额（分） */
                amountFen: number;
                /** @description 补缴单号（POST /api/charges/{chargeNo}/pay 支付） */
                chargeNo: string | null;
                chargeStatus: string | null;
            } | null;
            note: string;
            collectedAt: number | null;
        };
        TradeInCollectionInput: {
            /** @enum {string} */
            outcome: "collected";
            valuationFen?: number;
            /** @enum {string} */
            condition?: "good" | "fair" | "broken";
            /** @default  */
            note: string;
        } | {
            /** @enum {string} */
            outcome: "not_collected";
            note: string;
        };
        InstallationServiceList: {
            items: (components["schemas"]["InstallationService"] & {
                categoryName: string;
                parentId: number | null;
            })[];
        };
        InstallationService: {
            categoryId: number;
            requiresInstallation: boolean;
            includes: string;
            /** @description 分 */
            bracketFeeFen: number | null;
            /** @description 分 */
            highAltitudeFeeFen: number | null;
            /** @description 分 */
            carryFeePerFloorFen: number | null;
            carryFreeFloors: number;
        };
        InstallationServiceInput: {
            /** @description 付款后是否生成安装工单（顾客预约上门） */
            requiresInstallation: boolean;
            /**
             * @default
             * @example 含基础安装、3米铜管、打孔1个
             */
            includes: string;
            /**
             * @description 支架，每台（分）；null 不提供
             * @default null
             */
            bracketFeeFen: number | null;
            /**
             * @description 高空作业，每台（分）
             * @default null
             */
            highAltitudeFeeFen: number | null;
            /**
             * @description 无电梯送货上楼，超过免费楼层后每层每台（分）
             * @default null
             */
            carryFeePerFloorFen: number | null;
            /**
             * @description 免费楼层数
             * @default 1
             */
            carryFreeFloors: number;
        };
        InstallationAreaList: {
            items: components["schemas"]["InstallationArea"][];
        };
        InstallationArea: {
            id: number;
            name: string;
            regions: {
                code: string;
                name: string;
            }[];
            windows: {
                start: string;
                end: string;
                capacity: number;
            }[];
            cutoff: {
                daysBefore: number;
                time: string;
                label: string;
            };
            active: boolean;
            installers: {
                id: number;
                name: string;
            }[];
            /** @description UTC 毫秒 */
            createdAt: number;
            /** @description UTC 毫秒 */
            updatedAt: number;
        };
        InstallationAreaInput: {
            name: string;
            regions: {
                code: string;
                /** @description 省略时按编码填写标准名称 */
                name?: string;
            }[];
            /** @description 每天的时段（北京时间）与容量，生成时段时默认使用 */
            windows: {
                start: string;
                end: string;
                capacity: number;
            }[];
            /** @description 改约/取消截止：服务日前 daysBefore 天的 time（北京时间） */
            cutoff?: {
                daysBefore: number;
                /** @description 北京时间，如 18:00 */
                time: string;
            };
            active?: boolean;
        };
        InstallationAreaPatch: {
            name?: string;
            regions?: {
                code: string;
                /** @description 省略时按编码填写标准名称 */
                name?: string;
            }[];
            /** @description 每天的时段（北京时间）与容量，生成时段时默认使用 */
            windows?: {
                start: string;
                end: string;
                capacity: number;
            }[];
            /** @description 改约/取消截止：服务日前 daysBefore 天的 time（北京时间） */
            cutoff?: {
                daysBefore: number;
                /** @description 北京时间，如 18:00 */
                time: string;
            };
            active?: boolean;
        };
        GeneratedSlots: {
            created: number;
            skipped: number;
        };
        GenerateSlotsInput: {
            from: string;
            to: string;
            /** @description 省略时使用服务区域的默认时段 */
            windows?: {
                start: string;
                end: string;
                capacity: number;
            }[];
        };
        InstallationSlotList: {
            items: components["schemas"]["InstallationSlot"][];
        };
        InstallationSlot: {
            id: number;
            areaId: number;
            /** @description 北京时间日期 YYYY-MM-DD */
            date: string;
            /** @example 周三 */
            weekday: string;
            /** @example 09:00–12:00 */
            label: string;
            /** @description UTC 毫秒 */
            startsAt: number;
            /** @description UTC 毫秒 */
            endsAt: number;
            capacity: number;
            booked: number;
            remaining: number;
        };
        InstallerList: {
            items: components["schemas"]["Installer"][];
        };
        Installer: {
            id: number;
            username: string;
            name: string;
            disabled: boolean;
            areaIds: number[];
        };
        InstallerInput: {
            username: string;
            password: string;
            displayName: string;
            /** @default [] */
            areaIds: number[];
        };
        InstallerAreas: {
            id: number;
            areaIds: number[];
        };
        ProductRegistration: {
            id: number;
            serialNo: string;
            productName: string;
            /** @description 保修政策品类名称 */
            category: string;
            /** @description 购买日（北京时间）零点 */
            purchasedAt: number;
            /** @example 2025-03-10 */
            purchaseDate: string;
            invoicePhoto: {
                key: string;
                url: string;
            };
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
            /** @example 待审核 */
            statusLabel: string;
            rejectReason: string | null;
            /** @description UTC 毫秒 */
            reviewedAt: number | null;
            /** @description 审核通过后按购买日期计算的保修 */
            warranty: {
                inWarranty: boolean;
                /** @description UTC 毫秒 */
                endsAt: number;
                note: string;
            } | null;
            /** @description UTC 毫秒 */
            createdAt: number;
        };
        ProductRegistrationInput: {
            serialNo: string;
            productName: string;
            /**
             * @description 保修政策品类（GET /api/after-sales/warranty-policies 的 slug）；省略按产品名称判断
             * @enum {string}
             */
            category?: "tv" | "fridge" | "washer" | "ac" | "water-heater" | "small-appliance";
            /** @description 发票上的购买日期（北京时间） */
            purchaseDate: string;
            /** @description 发票照片：POST /api/after-sales/photos 返回的 key */
            invoicePhoto: string;
        };
        ProductRegistrationList: {
            items: components["schemas"]["ProductRegistration"][];
        };
        OpenedRepair: {
            workOrderNo: string;
            created: boolean;
            workOrder: components["schemas"]["RepairWorkOrderDetail"];
        };
        RepairWorkOrderDetail: components["schemas"]["RepairWorkOrder"] & {
            timeline: {
                action: string;
                /** @enum {string|null} */
                fromStatus: "received" | "awaiting_appointment" | "on_site" | "done" | "confirmed" | "cancelled" | null;
                /** @enum {string} */
                toStatus: "received" | "awaiting_appointment" | "on_site" | "done" | "confirmed" | "cancelled";
                statusLabel: string;
                /** @enum {string} */
                actorKind: "shopper" | "agent" | "merchant" | "technician" | "system";
                note: string;
                /** @description UTC 毫秒 */
                createdAt: number;
            }[];
        };
        RepairCharge: {
            /** @description 费用单号（SC 开头），POST /api/charges/{chargeNo}/pay 支付 */
            chargeNo: string;
            /** @description 分 */
            amountFen: number;
            /** @enum {string} */
            status: "unpaid" | "paid" | "cancelled";
            /** @description UTC 毫秒 */
            paidAt: number | null;
        } | null;
        RepairWorkOrder: {
            /** @example RW20261206152300123451234 */
            workOrderNo: string;
            /** @enum {string} */
            status: "received" | "awaiting_appointment" | "on_site" | "done" | "confirmed" | "cancelled";
            /** @example 待预约 */
            statusLabel: string;
            /**
             * @description 售后申请 / 客服开单 / 外购登记报修
             * @enum {string}
             */
            source: "case" | "agent" | "registration";
            caseNo: string | null;
            orderNo: string | null;
            orderItemId: number | null;
            registrationId: number | null;
            product: {
                name: string;
                imageUrl: string | null;
                serialNo: string | null;
            };
            problem: string;
            photos: {
                key: string;
                url: string;
            }[];
            contact: {
                name: string;
                phone: string;
                address: string;
            };
            /** @description 开单时由服务端根据序列号与购买日期判定 */
            warranty: {
                /** @description 保修期内：配件与人工免费 */
                inWarranty: boolean;
                /** @description UTC 毫秒 */
                startsAt: number | null;
                /** @description 整机保修截止（不含） */
                endsAt: number | null;
                note: string;
            };
            technician: {
                id: number;
                name: string;
            } | null;
            /** @description UTC 毫秒 */
            appointmentAt: number | null;
            /** @description UTC 毫秒 */
            arrivedAt: number | null;
            /** @description UTC 毫秒 */
            doneAt: number | null;
            /** @description UTC 毫秒 */
            confirmedAt: number | null;
            parts: {
                name: string;
                quantity: number;
                /** @description 分 */
                unitFen: number;
            }[];
            /** @description 分 */
            partsFen: number;
            /** @description 分 */
            laborFen: number;
            /** @description 顾客应付（保修期内为 0） */
            chargeFen: number;
            charge: components["schemas"]["RepairCharge"];
            /** @description 已完工、有费用且未支付：先支付再确认完工 */
            paymentDue: boolean;
            resolution: string | null;
            cancelReason: string | null;
            /** @description 当前查看者现在可以执行的操作 */
            actions: ("open" | "assign" | "schedule" | "arrive" | "finish" | "confirm" | "cancel")[];
            /** @description UTC 毫秒 */
            createdAt: number;
            /** @description UTC 毫秒 */
            updatedAt: number;
        };
        ShopperRepairInput: {
            registrationId: number;
            problem: string;
            /**
             * @description POST /api/after-sales/photos 返回的 key
             * @default []
             */
            photos: string[];
            contact: components["schemas"]["RepairContactInput"];
        };
        RepairContactInput: {
            name: string;
            phone: string;
            address: string;
        };
        RepairWorkOrderPage: {
            items: components["schemas"]["RepairWorkOrder"][];
            nextCursor: string | null;
        };
        RepairFinishInput: {
            /** @default [] */
            parts: {
                name: string;
                quantity: number;
                /** @description 配件单价（分）；保修期内不向顾客收取 */
                unitFen: number;
            }[];
            /**
             * @description 人工费（分）；保修期内不向顾客收取
             * @default 0
             */
            laborFen: number;
            resolution: string;
        };
        AgentRepairInput: {
            /** @description 客服会话 id（工单开给该会话的顾客） */
            conversationId: number;
            /** @description 本店购买：订单商品 id */
            orderItemId?: number;
            /** @description 外购登记的产品 id */
            registrationId?: number;
            /** @description 多台时指明哪一台（安装时登记的序列号） */
            serialNo?: string;
            problem: string;
            /** @default [] */
            photos: string[];
            contact?: components["schemas"]["RepairContactInput"] & unknown;
        };
        RepairTechnicianList: {
            items: {
                id: number;
                name: string;
                username: string;
            }[];
        };
        AdminProductRegistrationList: {
            items: components["schemas"]["AdminProductRegistration"][];
        };
        AdminProductRegistration: components["schemas"]["ProductRegistration"] & {
            shopperId: number;
        };
        FreightTemplateList: {
            items: components["schemas"]["FreightTemplate"][];
        };
        FreightTemplate: {
            id: number;
            name: string;
            /** @enum {string} */
            chargeBy: "piece" | "weight" | "volume";
            defaultRule: {
                /** @description 件 / 克 / 立方厘米（按模板的计费方式） */
                firstUnits: number;
                /** @description 分 */
                firstFeeFen: number;
                /** @description 件 / 克 / 立方厘米（按模板的计费方式） */
                additionalUnits: number;
                /** @description 分 */
                additionalFeeFen: number;
            };
            regionRules: {
                /** @description 省、市或区县的 6 位行政区划代码 */
                regions: string[];
                /** @description 件 / 克 / 立方厘米（按模板的计费方式） */
                firstUnits: number;
                /** @description 分 */
                firstFeeFen: number;
                /** @description 件 / 克 / 立方厘米（按模板的计费方式） */
                additionalUnits: number;
                /** @description 分 */
                additionalFeeFen: number;
            }[];
            freeRules: {
                /** @description 省、市或区县的 6 位行政区划代码 */
                regions: string[];
                minUnits: number | null;
                /** @description 分 */
                minAmountFen: number | null;
                /** @enum {string} */
                match: "all" | "any";
            }[];
            /** @description 省、市或区县的 6 位行政区划代码 */
            undeliverable: string[];
        };
        FreightTemplateInput: {
            name: string;
            /**
             * @description 按件 / 按重量（克）/ 按体积（立方厘米）
             * @enum {string}
             */
            chargeBy: "piece" | "weight" | "volume";
            defaultRule: {
                firstUnits: number;
                firstFeeFen: number;
                additionalUnits: number;
                additionalFeeFen: number;
            };
            /** @default [] */
            regionRules: {
                regions: string[];
                firstUnits: number;
                firstFeeFen: number;
                additionalUnits: number;
                additionalFeeFen: number;
            }[];
            /** @default [] */
            freeRules: {
                regions: string[];
                minUnits: number | null;
                minAmountFen: number | null;
                /**
                 * @description all：条件同时满足才包邮；any：满足其一即包邮
                 * @enum {string}
                 */
                match: "all" | "any";
            }[];
            /** @default [] */
            undeliverable: string[];
        };
        DeliveryRules: {
            /** @description 每日截单时间（北京时间，距零点的分钟数） */
            cutoffMinute: number;
            defaultLeadDays: number;
            zones: {
                regions: string[];
                leadDays: number;
            }[];
            noDeliveryDates: string[];
        };
        /** @description shop_default 店铺默认运费 / template 运费模板 / free 包邮 / fixed 固定运费（每个商品行） */
        ProductShipping: {
            /** @enum {string} */
            mode: "shop_default";
        } | {
            /** @enum {string} */
            mode: "template";
            templateId: number;
        } | {
            /** @enum {string} */
            mode: "free";
        } | {
            /** @enum {string} */
            mode: "fixed";
            feeFen: number;
        };
        CarrierList: {
            items: components["schemas"]["Carrier"][];
        };
        Carrier: {
            /** @description 快递100 公司编码，如 shunfeng */
            code: string;
            name: string;
            /** @description 适用说明，如 大件家电 */
            note: string;
            /** @description 订阅轨迹需收件人手机后四位（顺丰） */
            needsPhone: boolean;
        };
        OrderParcels: {
            orderId: number;
            parcels: components["schemas"]["Parcel"][];
        };
        Parcel: {
            id: number;
            carrierCode: string;
            carrierName: string;
            trackingNo: string;
            /** @description 快递100 状态：0 在途 1 揽收 2 疑难 3 签收 4 退签 5 派件 6 退回 7 转投 14 拒签…；null 未有轨迹 */
            state: number | null;
            /** @description 展示用状态，如 运输中、已签收、已发货、未订阅 */
            stateText: string;
            /** @description UTC 毫秒 */
            signedAt: number | null;
            /** @description UTC 毫秒 */
            lastTraceAt: number | null;
            /** @description 新到旧 */
            traces: components["schemas"]["ParcelTrace"][];
        };
        ParcelTrace: {
            /** @description UTC 毫秒 */
            time: number;
            /** @description 轨迹描述 */
            context: string;
            /** @description 该条轨迹的状态词，如 在途、派件、签收；可能为空 */
            status: string;
            /** @description 行政区域，如 广东,深圳市；可能为空 */
            areaName: string;
        };
        StaffOrderParcels: {
            orderId: number;
            parcels: components["schemas"]["StaffParcel"][];
        };
        StaffParcel: {
            id: number;
            carrierCode: string;
            carrierName: string;
            trackingNo: string;
            /** @description 快递100 状态：0 在途 1 揽收 2 疑难 3 签收 4 退签 5 派件 6 退回 7 转投 14 拒签…；null 未有轨迹 */
            state: number | null;
            /** @description 展示用状态，如 运输中、已签收、已发货、未订阅 */
            stateText: string;
            /** @description UTC 毫秒 */
            signedAt: number | null;
            /** @description UTC 毫秒 */
            lastTraceAt: number | null;
            /** @description 新到旧 */
            traces: components["schemas"]["ParcelTrace"][];
            receiverPhoneTail: string;
            /** @description 快递100 监控状态：polling 监控中 / shutdown 结束 / abort 中止 */
            monitorStatus: string | null;
            monitorMessage: string | null;
            /** @description UTC 毫秒 */
            subscribedAt: number | null;
            subscribeAttempts: number;
            /** @description 最近一次订阅失败的原因 */
            lastError: string | null;
            /** @description UTC 毫秒 */
            createdAt: number;
        };
        ClaimableCouponList: {
            items: components["schemas"]["ClaimableCoupon"][];
        };
        ClaimableCoupon: {
            templateId: number;
            name: string;
            description: string;
            /** @description 展示用规则，如 满3000减300、无门槛减50、满1000享8.8折，最高减500 */
            label: string;
            /**
             * @description amount_off 满减 / no_threshold 无门槛 / percent_off 折扣
             * @enum {string}
             */
            kind: "amount_off" | "no_threshold" | "percent_off";
            /** @description 分 */
            amountOffFen: number | null;
            /** @description 使用门槛（分），0 为无门槛 */
            thresholdFen: number;
            /** @description 折扣券支付比例，88 = 8.8折 */
            payPercent: number | null;
            /** @description 折扣券最高优惠（分） */
            capFen: number | null;
            /** @enum {string} */
            scope: "all" | "categories" | "products";
            /** @description 全场通用 / 指定分类可用 / 指定商品可用 */
            scopeText: string;
            /** @description 2026.06.01–2026.06.30 或 领取后7天内有效 */
            validityText: string;
            perShopperLimit: number;
            /** @description 当前顾客已领张数（未登录为 0） */
            claimedByMe: number;
            /** @description 剩余比例 0–100 */
            remainingPercent: number;
            /** @enum {string} */
            state: "claimable" | "claimed" | "sold_out";
            /** @description 立即领取 / 已领 / 已抢光 */
            stateText: string;
        };
        MyCouponList: {
            /** @enum {string} */
            tab: "usable" | "used" | "expired";
            counts: {
                usable: number;
                used: number;
                expired: number;
            };
            items: components["schemas"]["MyCoupon"][];
        };
        MyCoupon: {
            id: number;
            templateId: number;
            name: string;
            description: string;
            /** @description 展示用规则，如 满3000减300、无门槛减50、满1000享8.8折，最高减500 */
            label: string;
            /**
             * @description amount_off 满减 / no_threshold 无门槛 / percent_off 折扣
             * @enum {string}
             */
            kind: "amount_off" | "no_threshold" | "percent_off";
            /** @description 分 */
            amountOffFen: number | null;
            /** @description 使用门槛（分），0 为无门槛 */
            thresholdFen: number;
            /** @description 折扣券支付比例，88 = 8.8折 */
            payPercent: number | null;
            /** @description 折扣券最高优惠（分） */
            capFen: number | null;
            /** @enum {string} */
            scope: "all" | "categories" | "products";
            /** @description 全场通用 / 指定分类可用 / 指定商品可用 */
            scopeText: string;
            /** @description UTC 毫秒 */
            validFrom: number;
            /** @description 到期时间（不含） */
            validTo: number;
            /** @enum {string} */
            status: "usable" | "not_started" | "used" | "expired";
            /** @description 可使用 / 未到使用时间 / 已使用 / 已过期 */
            statusText: string;
            /** @enum {string} */
            source: "centre" | "product_page" | "merchant_grant" | "new_shopper";
            sourceText: string;
            /** @description UTC 毫秒 */
            claimedAt: number;
            /** @description UTC 毫秒 */
            usedAt: number | null;
            /** @description 使用该券的订单 */
            orderId: number | null;
        };
        CouponClaimResult: {
            /** @description false：同一 Idempotency-Key 的重复请求，返回首次领到的券 */
            created: boolean;
            coupon: components["schemas"]["MyCoupon"];
        };
        CouponTemplateList: {
            items: components["schemas"]["CouponTemplate"][];
        };
        CouponTemplate: {
            id: number;
            name: string;
            description: string;
            /** @description 展示用规则，如 满3000减300、无门槛减50、满1000享8.8折，最高减500 */
            label: string;
            /**
             * @description amount_off 满减 / no_threshold 无门槛 / percent_off 折扣
             * @enum {string}
             */
            kind: "amount_off" | "no_threshold" | "percent_off";
            /** @description 分 */
            amountOffFen: number | null;
            /** @description 使用门槛（分），0 为无门槛 */
            thresholdFen: number;
            /** @description 折扣券支付比例，88 = 8.8折 */
            payPercent: number | null;
            /** @description 折扣券最高优惠（分） */
            capFen: number | null;
            /** @enum {string} */
            scope: "all" | "categories" | "products";
            /** @description 全场通用 / 指定分类可用 / 指定商品可用 */
            scopeText: string;
            /** @description 可用分类（含上级分类匹配）或商品编号 */
            scopeIds: number[];
            excludedProductIds: number[];
            /** @enum {string} */
            validity: "fixed" | "relative";
            /** @description UTC 毫秒 */
            validFrom: number | null;
            /** @description 固定有效期的结束时间（不含） */
            validTo: number | null;
            /** @description 领取后 N 天内有效 */
            validDays: number | null;
            validityText: string;
            totalQuantity: number;
            perShopperLimit: number;
            channels: ("centre" | "product_page" | "merchant_grant" | "new_shopper")[];
            /** @enum {string} */
            status: "active" | "stopped" | "expired";
            /** @description 发放中 / 已停止发放 / 已失效 */
            statusText: string;
            issued: number;
            used: number;
            remaining: number;
            /** @description UTC 毫秒 */
            stoppedAt: number | null;
            /** @description UTC 毫秒 */
            expiredAt: number | null;
            /** @description UTC 毫秒 */
            createdAt: number;
            /** @description UTC 毫秒 */
            updatedAt: number;
        };
        CouponGrantResult: {
            /** @description 本次发放成功的顾客 */
            granted: number[];
            /** @description 同一 Idempotency-Key 已发放过的顾客 */
            alreadyGranted: number[];
            /** @description 因发放总量已满未发放的顾客 */
            soldOut: number[];
        };
        CouponReport: {
            templateId: number;
            name: string;
            /** @enum {string} */
            status: "active" | "stopped" | "expired";
            totalQuantity: number;
            /** @description 已发放（领取 + 商家发放 + 新人礼包） */
            issued: number;
            used: number;
            expiredUnused: number;
            /** @description 已发放且尚未使用、未过期 */
            usable: number;
            remaining: number;
            /** @description 使用率（%），一位小数 */
            useRatePercent: number;
            /** @description 已使用券为订单节省的金额合计（分） */
            savedFen: number;
            /** @description 使用该券的订单数 */
            orders: number;
            bySource: {
                /** @enum {string} */
                source: "centre" | "product_page" | "merchant_grant" | "new_shopper";
                issued: number;
            }[];
        };
        MemberOverview: {
            /** @description 成长值：近 12 个月已完成且未退款的商品实付（元） */
            growth: number;
            tier: components["schemas"]["MemberTier"];
            nextTier: components["schemas"]["MemberTier"] & (Record<string, never> | null);
            toNextTier: number;
            progressPercent: number;
            tiers: components["schemas"]["MemberTier"][];
            points: components["schemas"]["PointsSummary"];
            pointsRules: components["schemas"]["PointsRules"];
            birthday: string | null;
        };
        MemberTier: {
            level: number;
            name: string;
            minGrowth: number;
            /** @description 会员折扣（% off） */
            discountPercent: number;
            freeShipping: boolean;
            /** @description 积分倍率，100 = 1 倍 */
            pointsMultiplierPercent: number;
            birthdayCoupon: boolean;
            /** @description 联系客服排队时视为提前的分钟数 */
            queueBoostMinutes: number;
        };
        PointsSummary: {
            available: number;
            /** @description 冻结中（退货期后到账） */
            frozen: number;
            /** @description 最早到期的积分与到期时间 */
            expiring: {
                points: number;
                at: number;
            } | null;
            lots: {
                points: number;
                expiresAt: number;
            }[];
        };
        PointsRules: {
            earnPointsPerYuan: number;
            redeemPointsPerYuan: number;
            maxRedeemPercent: number;
            minBalanceToRedeem: number;
            returnWindowDays: number;
        };
        PointsHistory: {
            items: components["schemas"]["PointsHistoryItem"][];
            nextCursor: string | null;
        };
        PointsHistoryItem: {
            id: number;
            /** @description earn / unfreeze / spend / spend_return / clawback / expire / adjust / referral */
            kind: string;
            kindText: string;
            /** @description order / refund / referral / adjustment / expiry */
            source: string;
            sourceRef: string;
            reason: string;
            /** @description 可用积分变化 */
            points: number;
            /** @description 冻结积分变化 */
            frozenPoints: number;
            expiresAt: number | null;
            availableAt: number | null;
            createdAt: number;
        };
        MemberBirthday: {
            birthday: string;
        };
        MemberSettings: {
            points: components["schemas"]["PointsRules"];
            tiers: components["schemas"]["TierRule"][];
        };
        TierRule: {
            level: number;
            name: string;
            minGrowth: number;
            discountPercent: number;
            freeShipping: boolean;
            pointsMultiplierPercent: number;
            birthdayCouponTemplateId: number | null;
            queueBoostMinutes: number;
        };
        PointsAdjustmentResult: {
            available: number;
            frozen: number;
            points: number;
            reason: string;
        };
        ActivePromotionList: {
            /** @description 限时折扣在前，其余按计算顺序 */
            items: components["schemas"]["ActivePromotion"][];
        };
        ActivePromotion: {
            id: number;
            name: string;
            /**
             * @description full_reduction 满减 / per_full_reduction 每满减 / full_discount 满折 / limited_time 限时折扣
             * @enum {string}
             */
            kind: "full_reduction" | "per_full_reduction" | "full_discount" | "limited_time";
            /** @description 展示标签，如 满3000减300、限时折扣 */
            tags: string[];
            description: string;
            scope: components["schemas"]["PromotionScope"];
            /** @description UTC 毫秒 */
            startsAt: number;
            /** @description 结束时间（倒计时用） */
            endsAt: number;
            /** @description false：参与本活动的订单不能用券 */
            stacksWithCoupons: boolean;
        };
        PromotionScope: {
            /** @enum {string} */
            kind: "all" | "categories" | "products";
            /** @description 分类或商品编号；限时折扣为其 SKU 所属商品 */
            ids: number[];
            excludeProductIds: number[];
        };
        PromotionList: {
            items: components["schemas"]["Promotion"][];
        };
        Promotion: {
            id: number;
            name: string;
            /**
             * @description full_reduction 满减 / per_full_reduction 每满减 / full_discount 满折 / limited_time 限时折扣
             * @enum {string}
             */
            kind: "full_reduction" | "per_full_reduction" | "full_discount" | "limited_time";
            /**
             * @description 未开始 / 进行中 / 已结束 / 已停止
             * @enum {string}
             */
            status: "scheduled" | "active" | "ended" | "stopped";
            rule: components["schemas"]["PromotionRule"];
            scope: components["schemas"]["PromotionScope"];
            /** @description 限时折扣的 SKU 与限时价；其他活动为空 */
            items: {
                skuId: number;
                productId: number;
                /** @description 金额（分） */
                priceFen: number;
            }[];
            /** @description 展示标签，如 满3000减300、限时折扣 */
            tags: string[];
            /** @description 完整规则，如 每满1000减100，最多减500 */
            description: string;
            /** @description UTC 毫秒 */
            startsAt: number;
            /** @description UTC 毫秒 */
            endsAt: number;
            priority: number;
            stacksWithOtherPromotions: boolean;
            stacksWithCoupons: boolean;
            /** @description UTC 毫秒 */
            stoppedAt: number | null;
            /** @description UTC 毫秒 */
            createdAt: number;
            /** @description UTC 毫秒 */
            updatedAt: number;
        };
        PromotionRule: {
            /** @enum {string} */
            kind: "full_reduction";
            tiers: {
                /** @description 金额（分） */
                thresholdFen: number;
                /** @description 金额（分） */
                reduceFen: number;
            }[];
        } | {
            /** @enum {string} */
            kind: "per_full_reduction";
            /** @description 金额（分） */
            everyFen: number;
            /** @description 金额（分） */
            reduceFen: number;
            /** @description 金额（分） */
            capFen: number | null;
        } | {
            /** @enum {string} */
            kind: "full_discount";
            /** @enum {string} */
            by: "quantity" | "amount";
            tiers: {
                /** @description 按件：件数；按金额：分 */
                threshold: number;
                /** @description 实付百分比：9 折 = 90 */
                payPercent: number;
            }[];
        } | {
            /** @enum {string} */
            kind: "limited_time";
        };
        PromotionInput: {
            /** @enum {string} */
            kind: "full_reduction";
            name: string;
            /** @description 开始时间（UTC 毫秒） */
            startsAt: number;
            /** @description 结束时间（UTC 毫秒） */
            endsAt: number;
            /**
             * @description 数字大的先计算；相同时先创建的先计算
             * @default 0
             */
            priority: number;
            /**
             * @description false：本活动生效后，后面的促销不再计算；已有其他促销生效时本活动不参与
             * @default true
             */
            stacksWithOtherPromotions: boolean;
            /**
             * @description false：本活动生效时订单不能再用优惠券
             * @default true
             */
            stacksWithCoupons: boolean;
            tiers: {
                /** @description 满减门槛（分） */
                thresholdFen: number;
                /** @description 减免金额（分） */
                reduceFen: number;
            }[];
            scope: components["schemas"]["PromotionScopeInput"];
        } | {
            /** @enum {string} */
            kind: "per_full_reduction";
            name: string;
            /** @description 开始时间（UTC 毫秒） */
            startsAt: number;
            /** @description 结束时间（UTC 毫秒） */
            endsAt: number;
            /**
             * @description 数字大的先计算；相同时先创建的先计算
             * @default 0
             */
            priority: number;
            /**
             * @description false：本活动生效后，后面的促销不再计算；已有其他促销生效时本活动不参与
             * @default true
             */
            stacksWithOtherPromotions: boolean;
            /**
             * @description false：本活动生效时订单不能再用优惠券
             * @default true
             */
            stacksWithCoupons: boolean;
            /** @description 每满金额（分） */
            everyFen: number;
            /** @description 每满减免金额（分） */
            reduceFen: number;
            /**
             * @description 最多减免金额（分）
             * @default null
             */
            capFen: number | null;
            scope: components["schemas"]["PromotionScopeInput"];
        } | {
            /** @enum {string} */
            kind: "full_discount";
            name: string;
            /** @description 开始时间（UTC 毫秒） */
            startsAt: number;
            /** @description 结束时间（UTC 毫秒） */
            endsAt: number;
            /**
             * @description 数字大的先计算；相同时先创建的先计算
             * @default 0
             */
            priority: number;
            /**
             * @description false：本活动生效后，后面的促销不再计算；已有其他促销生效时本活动不参与
             * @default true
             */
            stacksWithOtherPromotions: boolean;
            /**
             * @description false：本活动生效时订单不能再用优惠券
             * @default true
             */
            stacksWithCoupons: boolean;
            /**
             * @description 按件数（满2件9折）或按金额（满¥x 9.5折）
             * @enum {string}
             */
            by: "quantity" | "amount";
            tiers: {
                /** @description 按件：件数；按金额：分 */
                threshold: number;
                /** @description 实付百分比：9 折 = 90，9.5 折 = 95 */
                payPercent: number;
            }[];
            scope: components["schemas"]["PromotionScopeInput"];
        } | {
            /** @enum {string} */
            kind: "limited_time";
            name: string;
            /** @description 开始时间（UTC 毫秒） */
            startsAt: number;
            /** @description 结束时间（UTC 毫秒） */
            endsAt: number;
            /**
             * @description 数字大的先计算；相同时先创建的先计算
             * @default 0
             */
            priority: number;
            /**
             * @description false：本活动生效后，后面的促销不再计算；已有其他促销生效时本活动不参与
             * @default true
             */
            stacksWithOtherPromotions: boolean;
            /**
             * @description false：本活动生效时订单不能再用优惠券
             * @default true
             */
            stacksWithCoupons: boolean;
            items: {
                skuId: number;
                /** @description 限时价（分） */
                priceFen: number;
            }[];
        };
        PromotionScopeInput: {
            /**
             * @description 全店 / 指定分类（含子分类）/ 指定商品
             * @enum {string}
             */
            kind: "all" | "categories" | "products";
            /** @default [] */
            ids: number[];
            /** @default [] */
            excludeProductIds: number[];
        };
        PromotionReport: {
            promotionId: number;
            name: string;
            /**
             * @description full_reduction 满减 / per_full_reduction 每满减 / full_discount 满折 / limited_time 限时折扣
             * @enum {string}
             */
            kind: "full_reduction" | "per_full_reduction" | "full_discount" | "limited_time";
            /** @enum {string} */
            status: "scheduled" | "active" | "ended" | "stopped";
            /** @description 订单分摊中的 step：promotion:<id> 或 limited_time:<id> */
            step: string;
            /** @description 已支付（待发货、已发货、已完成）订单数 */
            paidOrders: number;
            paidUnits: number;
            /** @description 已支付订单上本活动的优惠合计（分，正数） */
            discountFen: number;
            /** @description 这些订单行的原价合计（分） */
            goodsFen: number;
            /** @description 这些订单行的实付合计（分，含运费分摊） */
            paidFen: number;
            /** @description 待支付订单数 */
            pendingOrders: number;
            /** @description 金额（分） */
            pendingDiscountFen: number;
        };
        PriceProtectionOrder: {
            orderNo: string;
            paidAt: number | null;
            lines: components["schemas"]["PriceProtectionLine"][];
        };
        PriceProtectionLine: {
            orderItemId: number;
            skuId: number;
            name: string;
            specs: {
                [key: string]: string;
            };
            image: string | null;
            quantity: number;
            /** @description 现在可以申请价保 */
            eligible: boolean;
            /** @description 不能申请的原因，如 已超过价保期限（付款后 7 天内） */
            reason: string | null;
            /** @description 购买时的成交单价：下单时售价减去该行的限时折扣（不含满减、优惠券、运费） */
            paidUnitFen: number;
            /** @description 现价：当前售价，或更低的进行中限时折扣价；已下架为 null */
            currentUnitFen: number | null;
            /**
             * @description 现价来自 售价 / 限时折扣
             * @enum {string|null}
             */
            currentPriceSource: "list" | "limited_time" | null;
            /** @description 每件差价（≥0） */
            differenceFen: number;
            /** @description 可价保件数：数量减去退货/退款售后中的件数 */
            units: number;
            /** @description 现在申请可退的差价合计；不可申请时为 0 */
            refundFen: number;
            /** @description 价保截止（UTC 毫秒，不含）；未付款为 null */
            deadline: number | null;
            /** @description 已申请的价保及其退款状态 */
            applied: {
                /** @description 金额（分） */
                amountFen: number;
                /** @description 金额（分） */
                paidUnitFen: number;
                /** @description 金额（分） */
                currentUnitFen: number;
                units: number;
                appliedAt: number;
                /** @description pending / submitting / processing / succeeded / failed */
                refundStatus: string | null;
                refundStatusLabel: string | null;
                outRefundNo: string | null;
            } | null;
        };
        ProductTradeIn: {
            /** @description 该商品可抵换的旧机品类；空数组 = 不支持以旧换新 */
            kinds: {
                slug: string;
                name: string;
            }[];
        };
        OrderTradeIns: {
            orderNo: string;
            items: components["schemas"]["TradeIn"][];
        };
        TradeInValuationList: {
            items: components["schemas"]["TradeInValuation"][];
        };
        TradeInValuation: {
            slug: string;
            name: string;
            categoryIds: number[];
            capPercent: number;
            bands: {
                maxAgeYears: number;
                /** @description 金额（分） */
                goodFen: number;
                /** @description 金额（分） */
                fairFen: number;
                /** @description 金额（分） */
                brokenFen: number;
            }[];
            active: boolean;
            updatedAt: number;
        };
        TradeInValuationInput: {
            name: string;
            categoryIds: number[];
            /**
             * @description 抵扣不超过新机单价的百分比
             * @default 30
             */
            capPercent: number;
            bands: {
                maxAgeYears: number;
                goodFen: number;
                fairFen: number;
                brokenFen: number;
            }[];
            /** @default true */
            active: boolean;
        };
        TradeInList: {
            items: (components["schemas"]["TradeIn"] & {
                orderNo: string;
            })[];
        };
        ReferralMe: {
            /** @description 我的邀请码（8 位） */
            code: string;
            /** @description 每邀请一位新用户首单完成并过退货期后获得的积分 */
            rewardPoints: number;
            invitedCount: number;
            /** @description 我自己是否已绑定邀请人 */
            boundToReferrer: boolean;
            rewards: {
                refereeName: string;
                /** @enum {string} */
                status: "pending" | "granting" | "granted" | "cancelled" | "capped";
                statusLabel: string;
                points: number;
                dueAt: number;
                grantedAt: number | null;
            }[];
        };
        ReferralBindResult: {
            bound: boolean;
            /** @description false：此前已绑定同一邀请人 */
            created: boolean;
        };
        ShareInfo: {
            title: string;
            imageUrl: string | null;
            /** @description 商品：最低售价；拼团：拼团价 */
            priceFen: number;
            /** @description 小程序分享路径（带邀请码 ref） */
            path: string;
            /** @description 小程序码 scene（≤32 字符） */
            scene: string;
            /** @description 小程序码图片（GET，PNG） */
            codeUrl: string;
            referralCode: string | null;
        };
        ProductGroupBuys: {
            items: {
                offerId: number;
                name: string;
                groupSize: number;
                perShopperLimit: number;
                endsAt: number;
                skus: {
                    skuId: number;
                    groupPriceFen: number;
                }[];
                openGroups: {
                    groupNo: string;
                    leaderName: string;
                    leaderAvatarUrl: string | null;
                    paidCount: number;
                    slotsLeft: number;
                    expiresAt: number;
                }[];
            }[];
        };
        MyGroupList: {
            items: {
                groupNo: string;
                orderId: number;
                leader: boolean;
                /** @enum {string} */
                memberStatus: "held" | "paid" | "cancelled";
                /** @enum {string} */
                status: "pending" | "open" | "filled" | "expired" | "void";
                statusLabel: string;
                size: number;
                paidCount: number;
                expiresAt: number;
            }[];
        };
        GroupDetail: {
            groupNo: string;
            offerId: number;
            offerName: string;
            product: {
                id: number;
                name: string;
                image: string | null;
            };
            skus: {
                skuId: number;
                groupPriceFen: number;
            }[];
            perShopperLimit: number;
            size: number;
            paidCount: number;
            slotsLeft: number;
            /** @enum {string} */
            status: "pending" | "open" | "filled" | "expired" | "void";
            statusLabel: string;
            expiresAt: number;
            filledAt: number | null;
            members: {
                name: string;
                avatarUrl: string | null;
                leader: boolean;
                paidAt: number | null;
            }[];
            myOrderId: number | null;
            joinable: boolean;
        };
        GroupBuyOfferList: {
            items: components["schemas"]["GroupBuyOffer"][];
        };
        GroupBuyOffer: {
            id: number;
            name: string;
            productId: number;
            skus: {
                skuId: number;
                groupPriceFen: number;
            }[];
            groupSize: number;
            timeLimitMinutes: number;
            perShopperLimit: number;
            startsAt: number;
            endsAt: number;
            /** @enum {string} */
            status: "active" | "stopped";
            groupsOpened: number;
            groupsFilled: number;
            createdAt: number;
        };
        ReferralSettings: {
            rewardPoints: number;
            dailyCap: number;
            monthlyCap: number;
            bindingWindowHours: number;
        };
        ReferralRewardList: {
            items: {
                refereeId: number;
                referrerId: number;
                orderId: number;
                /** @enum {string} */
                status: "pending" | "granting" | "granted" | "cancelled" | "capped";
                statusLabel: string;
                dueAt: number;
                points: number;
                templateId: number | null;
                couponId: number | null;
                grantedAt: number | null;
                note: string;
                createdAt: number;
            }[];
        };
        OrderInvoice: {
            orderNo: string;
            /** @description 现在开具的金额（实付减已退款） */
            estimatedFen: number;
            /** @description 现在可以申请或修改 */
            canRequest: boolean;
            /** @description 不能开票的原因 */
            blockedReason: string | null;
            invoice: components["schemas"]["Invoice"];
        };
        Invoice: {
            id: number;
            /** @enum {string} */
            status: "requested" | "issued" | "rejected" | "cancelled";
            /** @description 开票中 / 已开票 / 未通过 / 已取消 */
            statusLabel: string;
            /** @enum {string} */
            kind: "personal" | "company";
            kindLabel: string;
            /** @description 发票抬头 */
            title: string;
            /** @description 纳税人识别号（企业） */
            taxNo: string | null;
            /** @description 接收邮箱（可选） */
            email: string | null;
            /** @description 开票金额：开具时的实付减已退款；未开具为 null */
            amountFen: number | null;
            /** @description 发票号码 */
            invoiceNo: string | null;
            /** @description 可以下载 PDF */
            hasFile: boolean;
            rejectReason: string | null;
            requestedAt: number;
            issuedAt: number | null;
        } | null;
        AdminInvoicePage: {
            items: components["schemas"]["AdminInvoice"][];
            nextCursor: string | null;
        };
        AdminInvoice: components["schemas"]["Invoice"] & {
            orderId: number;
            orderNo: string;
            /** @enum {string} */
            orderStatus: "pending_payment" | "paid" | "shipped" | "completed" | "cancelled";
            /** @description 金额（分） */
            payableFen: number;
            /** @description 现在开具的金额（实付减已退款） */
            refundableFen: number;
        };
        SavedProductPage: {
            items: components["schemas"]["SavedProduct"][];
            nextCursor: string | null;
        };
        SavedProduct: components["schemas"]["ProductCard"] & {
            /** @description 仍在售（已下架的收藏仍列出，置灰） */
            onSale: boolean;
            salesCount: number;
            /** @description 收藏 / 浏览时间（UTC 毫秒） */
            at: number;
        };
        FavoriteState: {
            favorited: boolean;
        };
        Recommendations: {
            items: (components["schemas"]["ProductCard"] & {
                salesCount: number;
                /** @description 推荐理由：看过同类 / 收藏过同类 / 买过同类 / 同品牌推荐 / 热销 */
                reason: string;
            })[];
        };
        ProductCompare: {
            category: {
                id: number;
                name: string;
            };
            products: (components["schemas"]["ProductCard"] & {
                salesCount: number;
            })[];
            rows: {
                key: string;
                label: string;
                /** @description 与 products 同序；缺少该参数为 — */
                values: string[];
                /** @description 各商品取值不同（用于 只看不同） */
                differs: boolean;
            }[];
        };
        ProductReviews: {
            stats: components["schemas"]["ReviewStats"];
            items: components["schemas"]["Review"][];
            nextCursor: string | null;
        };
        ReviewStats: {
            count: number;
            /** @description 平均分（1 位小数）；无评价为 null */
            averageRating: number | null;
            /** @description 好评率（4–5 星）% */
            goodRatePercent: number | null;
            withPhotos: number;
        };
        Review: {
            id: number;
            /** @description 脱敏昵称，如 张**丰；匿名为 匿名用户 */
            author: string;
            rating: number;
            content: string;
            photos: string[];
            /** @description 已购规格 */
            specsText: string;
            /** @description 商家回复 */
            reply: string | null;
            createdAt: number;
        };
        PendingReviews: {
            items: {
                orderItemId: number;
                orderId: number;
                orderNo: string;
                product: components["schemas"]["ProductCard"];
                specsText: string;
            }[];
        };
        AdminReviewPage: {
            items: (components["schemas"]["Review"] & {
                productId: number;
                productName: string;
                orderId: number;
                /** @enum {string} */
                status: "visible" | "hidden";
            })[];
            nextCursor: string | null;
        };
        ProductQuestionPage: {
            /** @description 该商品可见问题总数 */
            total: number;
            items: components["schemas"]["ProductQuestion"][];
            nextCursor: string | null;
        };
        ProductQuestion: {
            id: number;
            productId: number;
            /** @description 提问者脱敏昵称 */
            author: string;
            content: string;
            createdAt: number;
            answerCount: number;
            /** @description 列表中为最早的 2 条回答；详情中为全部 */
            answers: components["schemas"]["ProductAnswer"][];
        };
        ProductAnswer: {
            id: number;
            /** @description 脱敏昵称（如 张**丰）；商家回答为 商家 */
            author: string;
            /**
             * @description merchant = 商家，buyer = 已购（服务器按订单判定）
             * @enum {string|null}
             */
            badge: "merchant" | "buyer" | null;
            content: string;
            createdAt: number;
        };
        ProductQuestionDetail: components["schemas"]["ProductQuestion"] & {
            productName: string;
        };
        QaCreated: {
            id: number;
        };
        AdminProductQuestionPage: {
            items: (components["schemas"]["ProductQuestion"] & {
                answers?: (components["schemas"]["ProductAnswer"] & {
                    /** @enum {string} */
                    status: "visible" | "hidden";
                })[];
                /** @description 提问者昵称（未脱敏） */
                asker: string;
                productName: string;
                /** @enum {string} */
                status: "visible" | "hidden";
            })[];
            nextCursor: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
