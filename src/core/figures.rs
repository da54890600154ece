//! The published figures the widget carries, each with its article and quote.
//!
//! Data is code: the tables below are `const`, and the tests at the bottom
//! check that every quote occurs verbatim in the source text kept under
//! `tests/data/articles.txt`.

use super::units::{Qualifier, Text, Unit};

/// One of the eight source articles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Article {
    /// The article's letter in `sources.md` (`'A'` to `'H'`).
    pub id: char,
    /// The line of the article's body in the source text (1-based).
    pub line: u32,
    /// The outlet, as the article names it.
    pub outlet: &'static str,
    /// The article's title, verbatim.
    pub title: &'static str,
    /// The date the article's text establishes (ISO 8601, or a month/season when only that is known).
    pub date: &'static str,
}

/// A figure as an article publishes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    /// Stable key; equals the input id where the figure is an input's default.
    pub key: &'static str,
    /// The value in base units (yuan, US dollars, counts, fractions, multiples).
    pub value: f64,
    /// What the value measures.
    pub unit: Unit,
    /// The period or date the figure refers to (`2025Q3`, `2025FY`, `2025-11-27`, …).
    pub period: &'static str,
    /// How exact the article says the figure is.
    pub qualifier: Qualifier,
    /// The letter of the article the figure comes from.
    pub article: char,
    /// The Chinese text the figure comes from, verbatim from the article.
    pub quote: &'static str,
    /// A short label in each locale.
    pub label: Text,
}

use super::units::t as label;

/// The eight source articles, in the order of the source text.
///
/// Dates are what each text itself establishes: an ISO date where the text
/// names one, otherwise the window its contents pin down, so no date is guessed.
/// The outlet is the name in parentheses that ends each body.
pub const ARTICLES: &[Article] = &[
    Article {
        id: 'A',
        line: 3,
        outlet: "懂財帝",
        title: "「可靈」將年賺10億,AI能否重塑2700億快手?",
        date: "2025-11-27",
    },
    Article {
        id: 'B',
        line: 5,
        outlet: "億歐網",
        title: "快手Q3成績單:營收356億元,電商GMV增長15%,可靈AI收入破3億",
        date: "2025-11-19",
    },
    Article {
        id: 'C',
        line: 7,
        outlet: "雲媒體",
        title: "快手可靈 Q1 營收1.5億,AI商業化分析:C端訂閱+B端API雙輪驅動",
        date: "2025 (after Q1 2025 results, before Q2 results)",
    },
    Article {
        id: 'D',
        line: 9,
        outlet: "Morketing",
        title: "在60多個國家和地區掀起全民創作風暴,可靈AI憑什麼?",
        date: "2025 (mid-year, after 29 May)",
    },
    Article {
        id: 'E',
        line: 11,
        outlet: "伯虎財經",
        title: "可靈的“兩幅面孔”",
        date: "2025 (after Q1 2025 results)",
    },
    Article {
        id: 'F',
        line: 13,
        outlet: "百澤之舞",
        title: "中國網際網路江湖:2025一季報印象",
        date: "2025-05-28",
    },
    Article {
        id: 'G',
        line: 15,
        outlet: "央視財經",
        title: "快手、阿里巴巴、京東……都出手了!",
        date: "2025 (late April, after 27 April)",
    },
    Article {
        id: 'H',
        line: 17,
        outlet: "智東西",
        title: "力壓OpenAI、Google,快手掏出最強視訊大模型,可靈2.0一句話搞定特效",
        date: "2025-04-15",
    },
];

/// Every figure the widget carries.
///
/// Values are in base units (億 = 1e8, 萬 = 1e4; percentages as fractions).
/// Qualifiers follow the article's wording: 超過/超/破 give a floor,
/// 約/近/左右 an approximation, 不足 a ceiling, and anything else is exact.
pub const FIGURES: &[Figure] = &[
    // Kuaishou, 2025 Q3 (A and B; B quotes the results release).
    Figure {
        key: "revenue_2025q3",
        value: 355.54e8,
        unit: Unit::Cny,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "公司實現收入355.54億元",
        label: label("快手總收入", "快手总收入", "Kuaishou revenue"),
    },
    Figure {
        key: "revenue_yoy_2025q3",
        value: 0.142,
        unit: Unit::Change,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "公司實現收入355.54億元,年增14.2%",
        label: label("快手收入年增", "快手收入同比增长", "Kuaishou revenue, YoY"),
    },
    // B rounds the total to one decimal; kept so the widget can show both.
    Figure {
        key: "revenue_2025q3_b",
        value: 355.5e8,
        unit: Unit::Cny,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "公司實現營收355.5億元,同比增長14.2%",
        label: label(
            "快手總收入(億歐取整)",
            "快手总收入(亿欧取整)",
            "Kuaishou revenue (B's rounding)",
        ),
    },
    // Rounded to the 億 (±0.5億) while the other segments are given to 0.01億,
    // so it is approximate: sums and shares resting on it say so.
    Figure {
        key: "online_marketing_2025q3",
        value: 201e8,
        unit: Unit::Cny,
        period: "2025Q3",
        qualifier: Qualifier::Approx,
        article: 'B',
        quote: "線上行銷服務收入為201億元",
        label: label(
            "線上行銷服務收入",
            "线上营销服务收入",
            "Online marketing services revenue",
        ),
    },
    Figure {
        key: "online_marketing_yoy_2025q3",
        value: 0.14,
        unit: Unit::Change,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "線上行銷服務收入為201億元,同比增長14%",
        label: label(
            "線上行銷服務收入年增",
            "线上营销服务收入同比增长",
            "Online marketing services revenue, YoY",
        ),
    },
    Figure {
        key: "live_streaming_2025q3",
        value: 95.74e8,
        unit: Unit::Cny,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "直播業務收入為95.74億元",
        label: label("直播業務收入", "直播业务收入", "Live streaming revenue"),
    },
    Figure {
        key: "live_streaming_yoy_2025q3",
        value: 0.025,
        unit: Unit::Change,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "直播業務收入為95.74億元,同比增長2.5%",
        label: label(
            "直播業務收入年增",
            "直播业务收入同比增长",
            "Live streaming revenue, YoY",
        ),
    },
    // A rounds B's 95.74億 and says 約.
    Figure {
        key: "live_streaming_2025q3_a",
        value: 96e8,
        unit: Unit::Cny,
        period: "2025Q3",
        qualifier: Qualifier::Approx,
        article: 'A',
        quote: "2025Q3營收約96億元,僅年增2.5%",
        label: label(
            "直播業務收入(懂財帝約數)",
            "直播业务收入(懂财帝约数)",
            "Live streaming revenue (A's round figure)",
        ),
    },
    Figure {
        key: "other_services_2025q3",
        value: 58.78e8,
        unit: Unit::Cny,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "其他服務收入為58.78億元",
        label: label(
            "其他服務收入(含電商)",
            "其他服务收入(含电商)",
            "Other services revenue (incl. e-commerce)",
        ),
    },
    Figure {
        key: "other_services_yoy_2025q3",
        value: 0.413,
        unit: Unit::Change,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "其他服務收入為58.78億元,同比增長41.3%",
        label: label(
            "其他服務收入年增",
            "其他服务收入同比增长",
            "Other services revenue, YoY",
        ),
    },
    Figure {
        key: "operating_profit_2025q3",
        value: 53e8,
        unit: Unit::Cny,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "經營利潤53億元",
        label: label("經營利潤", "经营利润", "Operating profit"),
    },
    Figure {
        key: "operating_profit_yoy_2025q3",
        value: 0.699,
        unit: Unit::Change,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "經營利潤53億元,同比增長69.9%",
        label: label("經營利潤年增", "经营利润同比增长", "Operating profit, YoY"),
    },
    Figure {
        key: "adjusted_net_profit_2025q3",
        value: 49.9e8,
        unit: Unit::Cny,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "經調整淨利潤49.9億元",
        label: label("經調整淨利潤", "经调整净利润", "Adjusted net profit"),
    },
    Figure {
        key: "adjusted_net_profit_yoy_2025q3",
        value: 0.263,
        unit: Unit::Change,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "經調整淨利潤49.9億元。同比增長26.3%",
        label: label(
            "經調整淨利潤年增",
            "经调整净利润同比增长",
            "Adjusted net profit, YoY",
        ),
    },
    // A rounds B's 49.9億 and says 約.
    Figure {
        key: "adjusted_net_profit_2025q3_a",
        value: 50e8,
        unit: Unit::Cny,
        period: "2025Q3",
        qualifier: Qualifier::Approx,
        article: 'A',
        quote: "經調整淨利潤約50億元",
        label: label(
            "經調整淨利潤(懂財帝約數)",
            "经调整净利润(懂财帝约数)",
            "Adjusted net profit (A's round figure)",
        ),
    },
    Figure {
        key: "gmv_2025q3",
        value: 3850e8,
        unit: Unit::Cny,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "快手電商GMV為3,850億元",
        label: label("電商GMV", "电商GMV", "E-commerce GMV"),
    },
    Figure {
        key: "gmv_yoy_2025q3",
        value: 0.152,
        unit: Unit::Change,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "快手電商GMV為3,850億元,僅年增15.2%",
        label: label("電商GMV年增", "电商GMV同比增长", "E-commerce GMV, YoY"),
    },
    Figure {
        key: "dau_2025q3",
        value: 4.16e8,
        unit: Unit::Count,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "平均日活躍使用者規模達到4.16億",
        label: label(
            "快手應用平均日活躍使用者",
            "快手应用平均日活跃用户",
            "Kuaishou app average DAU",
        ),
    },
    Figure {
        key: "mau_2025q3",
        value: 7.31e8,
        unit: Unit::Count,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "平均月活躍使用者達到7.31億",
        label: label(
            "快手應用平均月活躍使用者",
            "快手应用平均月活跃用户",
            "Kuaishou app average MAU",
        ),
    },
    // A drops B's last digit without a qualifier, so it is carried as written.
    Figure {
        key: "mau_2025q3_a",
        value: 7.3e8,
        unit: Unit::Count,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "快手Q3日活4.16億,創歷史新高,月活7.3億",
        label: label(
            "月活躍使用者(懂財帝取整)",
            "月活跃用户(懂财帝取整)",
            "MAU (A's rounding)",
        ),
    },
    Figure {
        key: "minutes_per_dau_2025q3",
        value: 134.1,
        unit: Unit::Minutes,
        period: "2025Q3",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "每位日活躍使用者日均使用時長達134.1分鐘",
        label: label(
            "每位日活躍使用者日均使用時長",
            "每位日活跃用户日均使用时长",
            "Daily minutes per DAU",
        ),
    },
    // Kuaishou, 2025 Q1 (E).
    Figure {
        key: "revenue_2025q1",
        value: 326.08e8,
        unit: Unit::Cny,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "總營收為326.08億元",
        label: label("快手總營收", "快手总营收", "Kuaishou revenue"),
    },
    Figure {
        key: "revenue_yoy_2025q1",
        value: 0.109,
        unit: Unit::Change,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "總營收為326.08億元,同比增長10.9%",
        label: label(
            "快手總營收同比增長",
            "快手总营收同比增长",
            "Kuaishou revenue, YoY",
        ),
    },
    Figure {
        key: "profit_2025q1",
        value: 39.79e8,
        unit: Unit::Cny,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "期內利潤39.79億元",
        label: label("期內利潤", "期内利润", "Profit for the period"),
    },
    // 同比減少 is a fall, so the change is negative.
    Figure {
        key: "profit_yoy_2025q1",
        value: -0.034,
        unit: Unit::Change,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "期內利潤39.79億元,同比減少3.4%",
        label: label("期內利潤同比", "期内利润同比", "Profit for the period, YoY"),
    },
    Figure {
        key: "adjusted_net_profit_2025q1",
        value: 45.8e8,
        unit: Unit::Cny,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "經調整利潤淨額45.8億元",
        label: label("經調整利潤淨額", "经调整利润净额", "Adjusted net profit"),
    },
    Figure {
        key: "adjusted_net_profit_yoy_2025q1",
        value: 0.044,
        unit: Unit::Change,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "經調整利潤淨額45.8億元,同比增長4.4%",
        label: label(
            "經調整利潤淨額同比增長",
            "经调整利润净额同比增长",
            "Adjusted net profit, YoY",
        ),
    },
    // 約為 governs the whole list of three segments, so all three are approximate.
    Figure {
        key: "online_marketing_2025q1",
        value: 180e8,
        unit: Unit::Cny,
        period: "2025Q1",
        qualifier: Qualifier::Approx,
        article: 'E',
        quote: "三大業務收入約為180億元",
        label: label(
            "線上行銷服務收入",
            "线上营销服务收入",
            "Online marketing services revenue",
        ),
    },
    Figure {
        key: "live_streaming_2025q1",
        value: 98e8,
        unit: Unit::Cny,
        period: "2025Q1",
        qualifier: Qualifier::Approx,
        article: 'E',
        quote: "三大業務收入約為180億元、98億元",
        label: label("直播業務收入", "直播业务收入", "Live streaming revenue"),
    },
    Figure {
        key: "other_services_2025q1",
        value: 48e8,
        unit: Unit::Cny,
        period: "2025Q1",
        qualifier: Qualifier::Approx,
        article: 'E',
        quote: "三大業務收入約為180億元、98億元、48億元",
        label: label(
            "其他服務收入(含電商)",
            "其他服务收入(含电商)",
            "Other services revenue (incl. e-commerce)",
        ),
    },
    Figure {
        key: "online_marketing_yoy_2025q1",
        value: 0.08,
        unit: Unit::Change,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "分別同比增長8%",
        label: label(
            "線上行銷服務收入同比增長",
            "线上营销服务收入同比增长",
            "Online marketing services revenue, YoY",
        ),
    },
    Figure {
        key: "live_streaming_yoy_2025q1",
        value: 0.144,
        unit: Unit::Change,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "分別同比增長8%、14.4%",
        label: label(
            "直播業務收入同比增長",
            "直播业务收入同比增长",
            "Live streaming revenue, YoY",
        ),
    },
    Figure {
        key: "other_services_yoy_2025q1",
        value: 0.152,
        unit: Unit::Change,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "分別同比增長8%、14.4%、15.2%",
        label: label(
            "其他服務收入同比增長",
            "其他服务收入同比增长",
            "Other services revenue, YoY",
        ),
    },
    Figure {
        key: "rd_2025q1",
        value: 32.98e8,
        unit: Unit::Cny,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "較去年同期上升16%至32.98億元",
        label: label("研發支出", "研发支出", "R&D expenses"),
    },
    Figure {
        key: "rd_yoy_2025q1",
        value: 0.16,
        unit: Unit::Change,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "較去年同期上升16%至32.98億元",
        label: label("研發支出同比增長", "研发支出同比增长", "R&D expenses, YoY"),
    },
    Figure {
        key: "mau_2025q1",
        value: 7.12e8,
        unit: Unit::Count,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "快手月活使用者為7.12億",
        label: label("快手月活使用者", "快手月活用户", "Kuaishou MAU"),
    },
    Figure {
        key: "mau_yoy_2025q1",
        value: 0.021,
        unit: Unit::Change,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "快手月活使用者為7.12億,同比增長2.1%",
        label: label("快手月活同比增長", "快手月活同比增长", "Kuaishou MAU, YoY"),
    },
    Figure {
        key: "mau_2024q4",
        value: 7.36e8,
        unit: Unit::Count,
        period: "2024Q4",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "對比去年四季度7.36億的月活規模",
        label: label("快手月活使用者", "快手月活用户", "Kuaishou MAU"),
    },
    // 環比下跌 is a fall, so the change is negative.
    Figure {
        key: "mau_qoq_2025q1",
        value: -0.0326,
        unit: Unit::Change,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "則環比下跌了3.26%",
        label: label("快手月活環比", "快手月活环比", "Kuaishou MAU, QoQ"),
    },
    Figure {
        key: "gmv_yoy_2025q1",
        value: 0.154,
        unit: Unit::Change,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'E',
        quote: "其電商GMV同比增長15.4%",
        label: label("電商GMV同比增長", "电商GMV同比增长", "E-commerce GMV, YoY"),
    },
    // Kling revenue; each article's floor is kept so the claims check can cite it.
    // 分別超過 puts a floor on each quarter in the list.
    Figure {
        key: "kling_revenue_2025q1",
        value: 1.5e8,
        unit: Unit::Cny,
        period: "2025Q1",
        qualifier: Qualifier::Floor,
        article: 'A',
        quote: "今年Q1、Q2、Q3,可靈收入分別超過1.5億元",
        label: label("可靈收入", "可灵收入", "Kling revenue"),
    },
    Figure {
        key: "kling_revenue_2025q2",
        value: 2.5e8,
        unit: Unit::Cny,
        period: "2025Q2",
        qualifier: Qualifier::Floor,
        article: 'A',
        quote: "可靈收入分別超過1.5億元、超過2.5億元",
        label: label("可靈收入", "可灵收入", "Kling revenue"),
    },
    Figure {
        key: "kling_revenue_2025q3",
        value: 3e8,
        unit: Unit::Cny,
        period: "2025Q3",
        qualifier: Qualifier::Floor,
        article: 'A',
        quote: "可靈Q3收入超過3億元",
        label: label("可靈收入", "可灵收入", "Kling revenue"),
    },
    Figure {
        key: "kling_revenue_2025q3_b",
        value: 3e8,
        unit: Unit::Cny,
        period: "2025Q3",
        qualifier: Qualifier::Floor,
        article: 'B',
        quote: "第三季度其收入超過3億元",
        label: label("可靈收入(億歐)", "可灵收入(亿欧)", "Kling revenue (B)"),
    },
    Figure {
        key: "kling_revenue_2025q1_c",
        value: 1.5e8,
        unit: Unit::Cny,
        period: "2025Q1",
        qualifier: Qualifier::Floor,
        article: 'C',
        quote: "2025年第一季度,其營收超過1.5億元",
        label: label(
            "可靈收入(大力財經)",
            "可灵收入(大力财经)",
            "Kling revenue (C)",
        ),
    },
    Figure {
        key: "kling_revenue_2025q1_e",
        value: 1.5e8,
        unit: Unit::Cny,
        period: "2025Q1",
        qualifier: Qualifier::Floor,
        article: 'E',
        quote: "僅在一季度便狂攬超1.5億元收入",
        label: label(
            "可靈收入(伯虎財經)",
            "可灵收入(伯虎财经)",
            "Kling revenue (E)",
        ),
    },
    Figure {
        key: "kling_ytd_2025q3",
        value: 7e8,
        unit: Unit::Cny,
        period: "2025Q1-Q3",
        qualifier: Qualifier::Floor,
        article: 'A',
        quote: "前三季度,可靈收入已超過7億元",
        label: label(
            "可靈前三季收入",
            "可灵前三季度收入",
            "Kling revenue, first three quarters",
        ),
    },
    Figure {
        key: "kling_share_ceiling",
        value: 0.01,
        unit: Unit::Share,
        period: "2025",
        qualifier: Qualifier::Ceiling,
        article: 'A',
        quote: "可靈收入佔比不足1%",
        label: label(
            "可靈收入佔快手收入比例",
            "可灵收入占快手收入比例",
            "Kling's share of Kuaishou revenue",
        ),
    },
    // 還不到 (not yet reaching) means the same as 不足.
    Figure {
        key: "kling_share_ceiling_e",
        value: 0.01,
        unit: Unit::Share,
        period: "2025Q1",
        qualifier: Qualifier::Ceiling,
        article: 'E',
        quote: "可靈佔快手總營收的比例還不到1%",
        label: label(
            "可靈收入佔快手收入比例(伯虎財經)",
            "可灵收入占快手收入比例(伯虎财经)",
            "Kling's share of Kuaishou revenue (E)",
        ),
    },
    // The RMB amount is A's conversion of the USD guidance (約合).
    Figure {
        key: "kling_fy_target",
        value: 10e8,
        unit: Unit::Cny,
        period: "2025FY",
        qualifier: Qualifier::Approx,
        article: 'A',
        quote: "約合人民幣10億元",
        label: label(
            "可靈全年收入預期(人民幣)",
            "可灵全年收入预期(人民币)",
            "Kling full-year revenue guidance (RMB)",
        ),
    },
    // A's other wording of the same target, a floor (超過); carried so the
    // sources show both, its label naming the default: the 約合 conversion
    // above, because it converts the stated US$ guidance (the default USD/CNY
    // rate comes from it) and is a point target, where this is only a floor.
    Figure {
        key: "kling_fy_target_floor",
        value: 10e8,
        unit: Unit::Cny,
        period: "2025FY",
        qualifier: Qualifier::Floor,
        article: 'A',
        quote: "預計2025全年,可靈收入將超過10億元",
        label: label(
            "可靈全年收入預計(下限;預設用約合10億)",
            "可灵全年收入预计(下限;默认用约合10亿)",
            "Kling FY revenue forecast (a floor; the default is the ≈ RMB 1 billion)",
        ),
    },
    // The guidance itself is stated in USD without a qualifier.
    Figure {
        key: "kling_fy_target_usd",
        value: 1.4e8,
        unit: Unit::Usd,
        period: "2025FY",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "上調可靈全年收入預期至1.4億美元",
        label: label(
            "可靈全年收入預期(美元)",
            "可灵全年收入预期(美元)",
            "Kling full-year revenue guidance (USD)",
        ),
    },
    Figure {
        key: "kling_initial_target_usd",
        value: 6e7,
        unit: Unit::Usd,
        period: "2025FY",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "較年初目標(6000萬美元)",
        label: label(
            "可靈年初收入目標",
            "可灵年初收入目标",
            "Kling initial full-year target (USD)",
        ),
    },
    // Cumulative from launch (June 2024) to the end of February 2025.
    Figure {
        key: "kling_cumulative_2025_02",
        value: 1e8,
        unit: Unit::Cny,
        period: "2025-02",
        qualifier: Qualifier::Floor,
        article: 'E',
        quote: "截至2025年2月底,可靈AI的累計營業收入超1億元",
        label: label("可靈累計收入", "可灵累计收入", "Kling cumulative revenue"),
    },
    // Kling's Q1 2025 revenue split and C's ARPU claim.
    Figure {
        key: "kling_march_revenue_2025",
        value: 5e7,
        unit: Unit::Cny,
        period: "2025-03",
        qualifier: Qualifier::Exact,
        article: 'C',
        quote: "3月單月收入達5000萬元",
        label: label("可靈3月收入", "可灵3月收入", "Kling revenue in March"),
    },
    // C writes 累計營收 for the quarter's revenue; the claims check tests 5000萬 against Q1.
    Figure {
        key: "kling_march_share_of_q1",
        value: 0.33,
        unit: Unit::Share,
        period: "2025-03",
        qualifier: Qualifier::Exact,
        article: 'C',
        quote: "3月單月收入達5000萬元,佔累計營收的33%",
        label: label(
            "3月佔第一季收入比例",
            "3月占一季度收入比例",
            "March's share of Q1 Kling revenue",
        ),
    },
    Figure {
        key: "kling_p_side_share",
        value: 0.7,
        unit: Unit::Share,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'C',
        quote: "P端(個人使用者)貢獻突出,以70%的佔比",
        label: label(
            "P端收入佔比",
            "P端收入占比",
            "P-side (creators) share of Kling revenue",
        ),
    },
    // E says 近70%, so its share is approximate where C's is not.
    Figure {
        key: "kling_p_side_share_e",
        value: 0.7,
        unit: Unit::Share,
        period: "2025Q1",
        qualifier: Qualifier::Approx,
        article: 'E',
        quote: "P端(創作者端)付費訂閱會員貢獻了近70%的營業收入",
        label: label(
            "P端收入佔比(伯虎財經)",
            "P端收入占比(伯虎财经)",
            "P-side share of Kling revenue (E)",
        ),
    },
    Figure {
        key: "kling_p_side_revenue_2025q1",
        value: 1.05e8,
        unit: Unit::Cny,
        period: "2025Q1",
        qualifier: Qualifier::Approx,
        article: 'C',
        quote: "以70%的佔比,約1.05億元",
        label: label("P端收入", "P端收入", "P-side (creators) Kling revenue"),
    },
    Figure {
        key: "kling_b_side_revenue_2025q1",
        value: 4.5e7,
        unit: Unit::Cny,
        period: "2025Q1",
        qualifier: Qualifier::Approx,
        article: 'C',
        quote: "B端(企業API)也表現不俗,貢獻了約4500萬元",
        label: label(
            "B端收入",
            "B端收入",
            "B-side (enterprise API) Kling revenue",
        ),
    },
    Figure {
        key: "kling_b_side_share",
        value: 0.3,
        unit: Unit::Share,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'C',
        quote: "貢獻了約4500萬元,佔比30%",
        label: label(
            "B端收入佔比",
            "B端收入占比",
            "B-side (enterprise API) share of Kling revenue",
        ),
    },
    // This is C's assumption (假設), not a reported number.
    Figure {
        key: "kling_paying_members",
        value: 5e6,
        unit: Unit::Count,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'C',
        quote: "假設其有500萬付費會員",
        label: label(
            "假設的付費會員數",
            "假设的付费会员数",
            "Assumed paying members",
        ),
    },
    // C labels it per month; the claims check tests whether the period is right.
    Figure {
        key: "arpu_claim_monthly",
        value: 21.0,
        unit: Unit::Cny,
        period: "2025Q1",
        qualifier: Qualifier::Approx,
        article: 'C',
        quote: "ARPU約21元/月",
        label: label(
            "文章所稱每月ARPU",
            "文章所称每月ARPU",
            "ARPU per month, as C claims",
        ),
    },
    Figure {
        key: "wenxin_arpu_monthly",
        value: 10.0,
        unit: Unit::Cny,
        period: "2025",
        qualifier: Qualifier::Approx,
        article: 'C',
        quote: "文心一言約10元/月",
        label: label(
            "文心一言每月ARPU",
            "文心一言每月ARPU",
            "ERNIE Bot ARPU per month",
        ),
    },
    // C's Kuaishou DAU, older than B's 4.16億 (Q3); C's paid rate divides by it.
    Figure {
        key: "dau_c",
        value: 3.8e8,
        unit: Unit::Count,
        period: "2025",
        qualifier: Qualifier::Exact,
        article: 'C',
        quote: "快手日活3.8億",
        label: label("快手日活(雲媒體)", "快手日活(云媒体)", "Kuaishou DAU (C)"),
    },
    Figure {
        key: "kling_paid_rate",
        value: 0.013,
        unit: Unit::Share,
        period: "2025Q1",
        qualifier: Qualifier::Exact,
        article: 'C',
        quote: "C端付費率僅1.3%",
        label: label("可靈C端付費率", "可灵C端付费率", "Kling consumer paid rate"),
    },
    Figure {
        key: "douyin_paid_rate",
        value: 0.04,
        unit: Unit::Share,
        period: "2025",
        qualifier: Qualifier::Exact,
        article: 'C',
        quote: "C端付費率僅1.3%,對比抖音的4%",
        label: label("抖音付費率", "抖音付费率", "Douyin paid rate"),
    },
    // Kling users and monthly actives, against ByteDance's 即夢AI.
    // 突破 (breaks through) counts as 破, a floor.
    Figure {
        key: "kling_users_d",
        value: 2.2e7,
        unit: Unit::Count,
        period: "2025",
        qualifier: Qualifier::Floor,
        article: 'D',
        quote: "使用者規模在2025年已經突破了2200萬人",
        label: label(
            "可靈使用者規模(Morketing)",
            "可灵用户规模(Morketing)",
            "Kling users (D)",
        ),
    },
    Figure {
        key: "kling_users_e",
        value: 2.2e7,
        unit: Unit::Count,
        period: "2025Q1",
        qualifier: Qualifier::Floor,
        article: 'E',
        quote: "全球使用者數已經突破2200萬",
        label: label(
            "可靈全球使用者數(伯虎財經)",
            "可灵全球用户数(伯虎财经)",
            "Kling global users (E)",
        ),
    },
    Figure {
        key: "kling_users_h",
        value: 2.2e7,
        unit: Unit::Count,
        period: "2025-04-15",
        qualifier: Qualifier::Floor,
        article: 'H',
        quote: "可靈AI全球使用者規模突破2200萬",
        label: label(
            "可靈全球使用者規模(智東西)",
            "可灵全球用户规模(智东西)",
            "Kling global users (H)",
        ),
    },
    Figure {
        key: "kling_mau_2025q2",
        value: 1.133e6,
        unit: Unit::Count,
        period: "2025Q2",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "可靈月活113.3萬",
        label: label("可靈月活", "可灵月活", "Kling MAU"),
    },
    // 環比下跌 is a fall, so the change is negative.
    Figure {
        key: "kling_mau_qoq_2025q2",
        value: -0.16,
        unit: Unit::Change,
        period: "2025Q2",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "可靈月活113.3萬,環比下跌16%",
        label: label("可靈月活環比", "可灵月活环比", "Kling MAU, QoQ"),
    },
    Figure {
        key: "jimeng_mau_2025q2",
        value: 9.589e6,
        unit: Unit::Count,
        period: "2025Q2",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "即夢AI月活958.9萬",
        label: label("即夢AI月活", "即梦AI月活", "Jimeng AI MAU"),
    },
    Figure {
        key: "jimeng_mau_qoq_2025q2",
        value: 0.682,
        unit: Unit::Change,
        period: "2025Q2",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "即夢AI月活958.9萬,環比成長68.2%",
        label: label("即夢AI月活環比", "即梦AI月活环比", "Jimeng AI MAU, QoQ"),
    },
    Figure {
        key: "jimeng_mau_2025_09",
        value: 1.01231e7,
        unit: Unit::Count,
        period: "2025-09",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "即夢AI月活進一步攀升至1,012.31萬名",
        label: label("即夢AI月活", "即梦AI月活", "Jimeng AI MAU"),
    },
    // Valuation and share price (A as of 27 Nov 2025, B as of 19 Nov 2025).
    Figure {
        key: "market_cap",
        value: 2690e8,
        unit: Unit::Cny,
        period: "2025-11-27",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "快手總市值2,690億元",
        label: label("快手總市值", "快手总市值", "Kuaishou market cap"),
    },
    Figure {
        key: "pe_kuaishou",
        value: 13.12,
        unit: Unit::Multiple,
        period: "2025-11-27",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "動態本益比13.12倍",
        label: label("快手動態本益比", "快手动态市盈率", "Kuaishou dynamic P/E"),
    },
    Figure {
        key: "pe_baidu",
        value: 24.96,
        unit: Unit::Multiple,
        period: "2025-11-27",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "百度港股動態本益比24.96倍",
        label: label(
            "百度港股動態本益比",
            "百度港股动态市盈率",
            "Baidu (HK) dynamic P/E",
        ),
    },
    Figure {
        key: "pe_alibaba",
        value: 24.59,
        unit: Unit::Multiple,
        period: "2025-11-27",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "阿里港股24.59倍",
        label: label(
            "阿里港股動態本益比",
            "阿里港股动态市盈率",
            "Alibaba (HK) dynamic P/E",
        ),
    },
    Figure {
        key: "pe_tencent",
        value: 21.07,
        unit: Unit::Multiple,
        period: "2025-11-27",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "騰訊21.07倍",
        label: label("騰訊動態本益比", "腾讯动态市盈率", "Tencent dynamic P/E"),
    },
    Figure {
        key: "share_price_high_2025",
        value: 92.6,
        unit: Unit::Hkd,
        period: "2025YTD",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "較年內高點(92.6港元)",
        label: label("年內股價高點", "年内股价高点", "Share price, year's high"),
    },
    // A drop is stored as its positive size, a share of the earlier price, so 跌超 stays a floor.
    Figure {
        key: "share_price_drop_from_high",
        value: 0.26,
        unit: Unit::Share,
        period: "2025-11-27",
        qualifier: Qualifier::Floor,
        article: 'A',
        quote: "較年內高點(92.6港元),快手已跌超26%",
        label: label(
            "較年內高點跌幅",
            "较年内高点跌幅",
            "Drop from the year's high",
        ),
    },
    Figure {
        key: "share_price_ath",
        value: 417.34,
        unit: Unit::Hkd,
        period: "all-time",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "較最高點(417.34港元)",
        label: label(
            "歷史最高股價(前復權)",
            "历史最高股价(前复权)",
            "All-time high share price (forward-adjusted)",
        ),
    },
    Figure {
        key: "share_price_drop_from_ath",
        value: 0.836,
        unit: Unit::Share,
        period: "2025-11-27",
        qualifier: Qualifier::Exact,
        article: 'A',
        quote: "較最高點(417.34港元),快手股價下跌83.6%",
        label: label(
            "較歷史最高點跌幅",
            "较历史最高点跌幅",
            "Drop from the all-time high",
        ),
    },
    Figure {
        key: "share_price_2025_11_19",
        value: 63.5,
        unit: Unit::Hkd,
        period: "2025-11-19",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "快手報63.5港元/股",
        label: label("股價", "股价", "Share price"),
    },
    // 跌幅 is a fall on the day, so the change is negative.
    Figure {
        key: "share_price_change_2025_11_19",
        value: -0.0178,
        unit: Unit::Change,
        period: "2025-11-19",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "快手報63.5港元/股,跌幅1.78%",
        label: label(
            "當日股價漲跌",
            "当日股价涨跌",
            "Share price, change on the day",
        ),
    },
    Figure {
        key: "market_cap_hkd_2025_11_19",
        value: 2745e8,
        unit: Unit::Hkd,
        period: "2025-11-19",
        qualifier: Qualifier::Exact,
        article: 'B',
        quote: "總市值2745億港元",
        label: label(
            "快手總市值(港元)",
            "快手总市值(港元)",
            "Kuaishou market cap (HKD)",
        ),
    },
];

/// A figure's value and qualifier, found at compile time (copies of the two
/// fields: see `DEFAULT_FIGURES` in `inputs.rs` for why not a reference).
/// Fails to compile when the key is not a figure.
pub const fn value_of(key: &str) -> (f64, Qualifier) {
    let mut i = 0;
    while i < FIGURES.len() {
        let (a, b) = (FIGURES[i].key.as_bytes(), key.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return (FIGURES[i].value, FIGURES[i].qualifier);
            }
        }
        i += 1;
    }
    panic!("no such figure");
}

/// Looks up a figure by key.
pub fn figure(key: &str) -> Option<&'static Figure> {
    FIGURES.iter().find(|f| f.key == key)
}

/// Looks up an article by letter.
pub fn article(id: char) -> Option<&'static Article> {
    ARTICLES.iter().find(|a| a.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source text the quotes and titles are checked against.
    const SOURCE: &str = include_str!("../../tests/data/articles.txt");

    /// The source text's line `n` (1-based), so tests use the numbers in `ARTICLES`.
    fn line(n: u32) -> &'static str {
        SOURCE
            .lines()
            .nth(n as usize - 1)
            .unwrap_or_else(|| panic!("source text has no line {n}"))
    }

    /// The body line of article `id`.
    fn body(id: char) -> &'static str {
        line(article(id).expect("article exists").line)
    }

    /// Relative comparison, so expected values need not match float bits.
    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
    }

    #[test]
    fn articles_are_the_eight_in_source_order() {
        let ids: Vec<char> = ARTICLES.iter().map(|a| a.id).collect();
        assert_eq!(ids, vec!['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
        for (i, a) in ARTICLES.iter().enumerate() {
            // Line 1 is the tag, then title/body pairs: bodies sit on 3, 5, …, 17.
            assert_eq!(a.line, 3 + 2 * i as u32, "article {}", a.id);
            assert!(!a.date.is_empty(), "article {} has no date", a.id);
        }
        assert_eq!(SOURCE.lines().count(), 17);
    }

    #[test]
    fn titles_are_verbatim() {
        for a in ARTICLES {
            assert_eq!(a.title, line(a.line - 1), "title of article {}", a.id);
        }
    }

    #[test]
    fn outlets_close_their_bodies() {
        for a in ARTICLES {
            let tail = format!(" ({})", a.outlet);
            assert!(
                body(a.id).ends_with(&tail),
                "article {} does not end with {tail}",
                a.id
            );
        }
    }

    #[test]
    fn quotes_occur_in_their_own_article_body() {
        for f in FIGURES {
            assert!(!f.quote.is_empty(), "{} has an empty quote", f.key);
            assert!(
                body(f.article).contains(f.quote),
                "{}: quote {:?} not in body of article {}",
                f.key,
                f.quote,
                f.article
            );
        }
    }

    #[test]
    fn keys_unique_values_finite_articles_exist() {
        let mut keys: Vec<&str> = FIGURES.iter().map(|f| f.key).collect();
        keys.sort_unstable();
        let before = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), before, "duplicate keys");
        for f in FIGURES {
            assert!(f.value.is_finite(), "{} is not finite", f.key);
            assert!(
                article(f.article).is_some(),
                "{}: no article {}",
                f.key,
                f.article
            );
            assert!(!f.period.is_empty(), "{} has no period", f.key);
            assert!(
                !f.label.hant.is_empty() && !f.label.hans.is_empty() && !f.label.en.is_empty(),
                "{} lacks a label",
                f.key
            );
        }
    }

    /// Key, expected base value and qualifier for every figure.
    const EXPECTED: &[(&str, f64, Qualifier)] = &[
        ("revenue_2025q3", 355.54e8, Qualifier::Exact),
        ("revenue_yoy_2025q3", 0.142, Qualifier::Exact),
        ("revenue_2025q3_b", 355.5e8, Qualifier::Exact),
        ("online_marketing_2025q3", 201e8, Qualifier::Approx),
        ("online_marketing_yoy_2025q3", 0.14, Qualifier::Exact),
        ("live_streaming_2025q3", 95.74e8, Qualifier::Exact),
        ("live_streaming_yoy_2025q3", 0.025, Qualifier::Exact),
        ("live_streaming_2025q3_a", 96e8, Qualifier::Approx),
        ("other_services_2025q3", 58.78e8, Qualifier::Exact),
        ("other_services_yoy_2025q3", 0.413, Qualifier::Exact),
        ("operating_profit_2025q3", 53e8, Qualifier::Exact),
        ("operating_profit_yoy_2025q3", 0.699, Qualifier::Exact),
        ("adjusted_net_profit_2025q3", 49.9e8, Qualifier::Exact),
        ("adjusted_net_profit_yoy_2025q3", 0.263, Qualifier::Exact),
        ("adjusted_net_profit_2025q3_a", 50e8, Qualifier::Approx),
        ("gmv_2025q3", 3850e8, Qualifier::Exact),
        ("gmv_yoy_2025q3", 0.152, Qualifier::Exact),
        ("dau_2025q3", 4.16e8, Qualifier::Exact),
        ("mau_2025q3", 7.31e8, Qualifier::Exact),
        ("mau_2025q3_a", 7.3e8, Qualifier::Exact),
        ("minutes_per_dau_2025q3", 134.1, Qualifier::Exact),
        ("revenue_2025q1", 326.08e8, Qualifier::Exact),
        ("revenue_yoy_2025q1", 0.109, Qualifier::Exact),
        ("profit_2025q1", 39.79e8, Qualifier::Exact),
        ("profit_yoy_2025q1", -0.034, Qualifier::Exact),
        ("adjusted_net_profit_2025q1", 45.8e8, Qualifier::Exact),
        ("adjusted_net_profit_yoy_2025q1", 0.044, Qualifier::Exact),
        ("online_marketing_2025q1", 180e8, Qualifier::Approx),
        ("live_streaming_2025q1", 98e8, Qualifier::Approx),
        ("other_services_2025q1", 48e8, Qualifier::Approx),
        ("online_marketing_yoy_2025q1", 0.08, Qualifier::Exact),
        ("live_streaming_yoy_2025q1", 0.144, Qualifier::Exact),
        ("other_services_yoy_2025q1", 0.152, Qualifier::Exact),
        ("rd_2025q1", 32.98e8, Qualifier::Exact),
        ("rd_yoy_2025q1", 0.16, Qualifier::Exact),
        ("mau_2025q1", 7.12e8, Qualifier::Exact),
        ("mau_yoy_2025q1", 0.021, Qualifier::Exact),
        ("mau_2024q4", 7.36e8, Qualifier::Exact),
        ("mau_qoq_2025q1", -0.0326, Qualifier::Exact),
        ("gmv_yoy_2025q1", 0.154, Qualifier::Exact),
        ("kling_revenue_2025q1", 1.5e8, Qualifier::Floor),
        ("kling_revenue_2025q2", 2.5e8, Qualifier::Floor),
        ("kling_revenue_2025q3", 3e8, Qualifier::Floor),
        ("kling_revenue_2025q3_b", 3e8, Qualifier::Floor),
        ("kling_revenue_2025q1_c", 1.5e8, Qualifier::Floor),
        ("kling_revenue_2025q1_e", 1.5e8, Qualifier::Floor),
        ("kling_ytd_2025q3", 7e8, Qualifier::Floor),
        ("kling_share_ceiling", 0.01, Qualifier::Ceiling),
        ("kling_share_ceiling_e", 0.01, Qualifier::Ceiling),
        ("kling_fy_target", 10e8, Qualifier::Approx),
        ("kling_fy_target_floor", 10e8, Qualifier::Floor),
        ("kling_fy_target_usd", 1.4e8, Qualifier::Exact),
        ("kling_initial_target_usd", 6e7, Qualifier::Exact),
        ("kling_cumulative_2025_02", 1e8, Qualifier::Floor),
        ("kling_march_revenue_2025", 5e7, Qualifier::Exact),
        ("kling_march_share_of_q1", 0.33, Qualifier::Exact),
        ("kling_p_side_share", 0.7, Qualifier::Exact),
        ("kling_p_side_share_e", 0.7, Qualifier::Approx),
        ("kling_p_side_revenue_2025q1", 1.05e8, Qualifier::Approx),
        ("kling_b_side_revenue_2025q1", 4.5e7, Qualifier::Approx),
        ("kling_b_side_share", 0.3, Qualifier::Exact),
        ("kling_paying_members", 5e6, Qualifier::Exact),
        ("arpu_claim_monthly", 21.0, Qualifier::Approx),
        ("wenxin_arpu_monthly", 10.0, Qualifier::Approx),
        ("dau_c", 3.8e8, Qualifier::Exact),
        ("kling_paid_rate", 0.013, Qualifier::Exact),
        ("douyin_paid_rate", 0.04, Qualifier::Exact),
        ("kling_users_d", 2.2e7, Qualifier::Floor),
        ("kling_users_e", 2.2e7, Qualifier::Floor),
        ("kling_users_h", 2.2e7, Qualifier::Floor),
        ("kling_mau_2025q2", 1.133e6, Qualifier::Exact),
        ("kling_mau_qoq_2025q2", -0.16, Qualifier::Exact),
        ("jimeng_mau_2025q2", 9.589e6, Qualifier::Exact),
        ("jimeng_mau_qoq_2025q2", 0.682, Qualifier::Exact),
        ("jimeng_mau_2025_09", 1.01231e7, Qualifier::Exact),
        ("market_cap", 2690e8, Qualifier::Exact),
        ("pe_kuaishou", 13.12, Qualifier::Exact),
        ("pe_baidu", 24.96, Qualifier::Exact),
        ("pe_alibaba", 24.59, Qualifier::Exact),
        ("pe_tencent", 21.07, Qualifier::Exact),
        ("share_price_high_2025", 92.6, Qualifier::Exact),
        ("share_price_drop_from_high", 0.26, Qualifier::Floor),
        ("share_price_ath", 417.34, Qualifier::Exact),
        ("share_price_drop_from_ath", 0.836, Qualifier::Exact),
        ("share_price_2025_11_19", 63.5, Qualifier::Exact),
        ("share_price_change_2025_11_19", -0.0178, Qualifier::Exact),
        ("market_cap_hkd_2025_11_19", 2745e8, Qualifier::Exact),
    ];

    /// Issue 12, item 5: A words the full-year target two ways (約合 and
    /// 超過); both are carried, the default input uses the conversion, and the
    /// sources say which and why.
    #[test]
    fn both_readings_of_the_target_are_carried_and_explained() {
        use crate::core::inputs::{DefaultRule, InputId};
        let readings: Vec<&Figure> = FIGURES
            .iter()
            .filter(|f| f.period == "2025FY" && f.unit == Unit::Cny && f.article == 'A')
            .collect();
        let qualifiers: Vec<Qualifier> = readings.iter().map(|f| f.qualifier).collect();
        assert_eq!(qualifiers, [Qualifier::Approx, Qualifier::Floor]);
        assert!(close(readings[0].value, readings[1].value));
        let DefaultRule::Figure(default) = InputId::KlingFyTarget.spec().default else {
            panic!("the target defaults to a figure");
        };
        assert_eq!(default, readings[0].key);
        // The reading the default does not use names, in the sources, the one
        // it does.
        let l = readings[1].label;
        assert!(l.hant.contains("預設用約合10億"), "{}", l.hant);
        assert!(l.hans.contains("默认用约合10亿"), "{}", l.hans);
        assert!(
            l.en.contains("the default is the ≈ RMB 1 billion"),
            "{}",
            l.en
        );
    }

    #[test]
    fn values_and_qualifiers() {
        for &(key, value, qualifier) in EXPECTED {
            let f = figure(key).unwrap_or_else(|| panic!("missing figure {key}"));
            assert!(close(f.value, value), "{key}: {} != {value}", f.value);
            assert_eq!(f.qualifier, qualifier, "{key}");
        }
        assert_eq!(
            EXPECTED.len(),
            FIGURES.len(),
            "every figure has an expectation"
        );
    }

    /// Key and the figure's number as its article writes it.
    const NUMERALS: &[(&str, &str)] = &[
        ("revenue_2025q3", "355.54"),
        ("revenue_yoy_2025q3", "14.2"),
        ("revenue_2025q3_b", "355.5"),
        ("online_marketing_2025q3", "201"),
        ("online_marketing_yoy_2025q3", "14"),
        ("live_streaming_2025q3", "95.74"),
        ("live_streaming_yoy_2025q3", "2.5"),
        ("live_streaming_2025q3_a", "96"),
        ("other_services_2025q3", "58.78"),
        ("other_services_yoy_2025q3", "41.3"),
        ("operating_profit_2025q3", "53"),
        ("operating_profit_yoy_2025q3", "69.9"),
        ("adjusted_net_profit_2025q3", "49.9"),
        ("adjusted_net_profit_yoy_2025q3", "26.3"),
        ("adjusted_net_profit_2025q3_a", "50"),
        ("gmv_2025q3", "3,850"),
        ("gmv_yoy_2025q3", "15.2"),
        ("dau_2025q3", "4.16"),
        ("mau_2025q3", "7.31"),
        ("mau_2025q3_a", "7.3"),
        ("minutes_per_dau_2025q3", "134.1"),
        ("revenue_2025q1", "326.08"),
        ("revenue_yoy_2025q1", "10.9"),
        ("profit_2025q1", "39.79"),
        ("profit_yoy_2025q1", "3.4"),
        ("adjusted_net_profit_2025q1", "45.8"),
        ("adjusted_net_profit_yoy_2025q1", "4.4"),
        ("online_marketing_2025q1", "180"),
        ("live_streaming_2025q1", "98"),
        ("other_services_2025q1", "48"),
        ("online_marketing_yoy_2025q1", "8%"),
        ("live_streaming_yoy_2025q1", "14.4"),
        ("other_services_yoy_2025q1", "15.2"),
        ("rd_2025q1", "32.98"),
        ("rd_yoy_2025q1", "16%"),
        ("mau_2025q1", "7.12"),
        ("mau_yoy_2025q1", "2.1"),
        ("mau_2024q4", "7.36"),
        ("mau_qoq_2025q1", "3.26"),
        ("gmv_yoy_2025q1", "15.4"),
        ("kling_revenue_2025q1", "1.5"),
        ("kling_revenue_2025q2", "超過2.5億"),
        ("kling_revenue_2025q3", "超過3億"),
        ("kling_revenue_2025q3_b", "超過3億"),
        ("kling_revenue_2025q1_c", "1.5"),
        ("kling_revenue_2025q1_e", "1.5"),
        ("kling_ytd_2025q3", "超過7億"),
        ("kling_share_ceiling", "不足1%"),
        ("kling_share_ceiling_e", "不到1%"),
        ("kling_fy_target", "10億"),
        ("kling_fy_target_floor", "超過10億"),
        ("kling_fy_target_usd", "1.4"),
        ("kling_initial_target_usd", "6000"),
        ("kling_cumulative_2025_02", "超1億"),
        ("kling_march_revenue_2025", "5000"),
        ("kling_march_share_of_q1", "33"),
        ("kling_p_side_share", "70"),
        ("kling_p_side_share_e", "70"),
        ("kling_p_side_revenue_2025q1", "1.05"),
        ("kling_b_side_revenue_2025q1", "4500"),
        ("kling_b_side_share", "30"),
        ("kling_paying_members", "500"),
        ("arpu_claim_monthly", "21"),
        ("wenxin_arpu_monthly", "10"),
        ("dau_c", "3.8"),
        ("kling_paid_rate", "1.3"),
        ("douyin_paid_rate", "4%"),
        ("kling_users_d", "2200"),
        ("kling_users_e", "2200"),
        ("kling_users_h", "2200"),
        ("kling_mau_2025q2", "113.3"),
        ("kling_mau_qoq_2025q2", "16"),
        ("jimeng_mau_2025q2", "958.9"),
        ("jimeng_mau_qoq_2025q2", "68.2"),
        ("jimeng_mau_2025_09", "1,012.31"),
        ("market_cap", "2,690"),
        ("pe_kuaishou", "13.12"),
        ("pe_baidu", "24.96"),
        ("pe_alibaba", "24.59"),
        ("pe_tencent", "21.07"),
        ("share_price_high_2025", "92.6"),
        ("share_price_drop_from_high", "26"),
        ("share_price_ath", "417.34"),
        ("share_price_drop_from_ath", "83.6"),
        ("share_price_2025_11_19", "63.5"),
        ("share_price_change_2025_11_19", "1.78"),
        ("market_cap_hkd_2025_11_19", "2745"),
    ];

    #[test]
    fn quotes_contain_their_numerals() {
        for &(key, numeral) in NUMERALS {
            let f = figure(key).unwrap_or_else(|| panic!("missing figure {key}"));
            assert!(
                f.quote.contains(numeral),
                "{key}: {numeral:?} not in {:?}",
                f.quote
            );
        }
        for f in FIGURES {
            assert!(
                NUMERALS.iter().any(|&(k, _)| k == f.key),
                "{} has no numeral",
                f.key
            );
        }
    }

    /// Each figure's value is what the widget's own parser reads from its quote:
    /// the numeral of [`NUMERALS`] with the unit words that follow it there
    /// ("355.54" + "億元"), negative when the words just before it say the figure
    /// fell ("下降3.4%"), except for figures that are a drop's size by name.
    /// Unlike `values_and_qualifiers`, nothing here is typed twice.
    #[test]
    fn values_read_from_their_quotes() {
        const UNIT_WORDS: &str = "億亿萬万元美港%倍個个千百十兆";
        const DECLINES: [&str; 6] = ["下降", "下跌", "減少", "减少", "下滑", "跌"];
        for f in FIGURES {
            let numeral = NUMERALS
                .iter()
                .find(|&&(k, _)| k == f.key)
                .map(|&(_, n)| n)
                .unwrap_or_else(|| panic!("{} has no numeral", f.key));
            let at = f.quote.find(numeral).unwrap_or_else(|| panic!("{}", f.key));
            let units: String = f.quote[at + numeral.len()..]
                .chars()
                .take_while(|&c| UNIT_WORDS.contains(c))
                .collect();
            let token = [numeral, &units].concat();
            let before: String = {
                let mut b: Vec<char> = f.quote[..at].chars().rev().take(4).collect();
                b.reverse();
                b.into_iter().collect()
            };
            let fell = DECLINES.iter().any(|w| before.contains(w)) && !f.key.contains("drop");
            let read =
                crate::core::parse::parse_number(&token, f.unit, crate::core::units::Scale::One)
                    .unwrap_or_else(|e| panic!("{}: {token:?} does not parse: {e:?}", f.key));
            let read = if fell { -read } else { read };
            assert!(
                (read - f.value).abs() <= 1e-9 * f.value.abs().max(1.0),
                "{}: the quote says {token:?} ({read}), the table {}",
                f.key,
                f.value
            );
        }
    }

    /// The value of a figure that must exist.
    fn v(key: &str) -> f64 {
        figure(key)
            .unwrap_or_else(|| panic!("missing figure {key}"))
            .value
    }

    #[test]
    fn q3_segments_add_up_to_revenue() {
        let parts =
            v("online_marketing_2025q3") + v("live_streaming_2025q3") + v("other_services_2025q3");
        let gap = v("revenue_2025q3") - parts;
        // 201億 is rounded to 1億 (error up to 0.5億); 95.74億 and 58.78億 to 0.01億 (0.005億 each).
        let tolerance = 0.5e8 + 0.005e8 + 0.005e8;
        assert!(gap.abs() <= tolerance, "gap {gap}");
        // 355.54億 − 355.52億: the published parts fall 200萬 short of the total.
        assert!((gap - 2e6).abs() <= 1.0, "gap {gap}");
    }

    #[test]
    fn q1_mau_change_matches_the_stated_figures() {
        let qoq = v("mau_2025q1") / v("mau_2024q4") - 1.0;
        assert!((qoq - v("mau_qoq_2025q1")).abs() <= 0.00005, "qoq {qoq}");
    }
}
