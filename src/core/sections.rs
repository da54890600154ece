//! How the calculator is divided for readers: which inputs and metrics each
//! section shows. Pure data, so a native test can check that every input has
//! exactly one field on the page (the `data-input` contract) and every metric
//! exactly one output.

use super::inputs::InputId;
use super::metrics::MetricId;
use super::units::Text;

/// One section of the calculator.
#[derive(Clone, Copy, Debug)]
pub struct Section {
    /// Stable key, used in `data-section` and in a host's `data-sections` list.
    pub key: &'static str,
    /// The heading in each locale.
    pub title: Text,
    /// The inputs whose fields this section holds.
    pub inputs: &'static [InputId],
    /// The metrics this section shows.
    pub metrics: &'static [MetricId],
}

use InputId as I;
use MetricId as M;

/// The calculator's sections, in page order.
pub const SECTIONS: &[Section] = &[
    Section {
        key: "kling",
        title: Text {
            hant: "可靈收入",
            hans: "可灵收入",
            en: "Kling revenue",
        },
        inputs: &[
            I::KlingRevenue2025q1,
            I::KlingRevenue2025q2,
            I::KlingRevenue2025q3,
            I::KlingRevenue2025q4,
            I::KlingFyTarget,
            I::KlingFyTargetUsd,
            I::KlingInitialTargetUsd,
            I::UsdCny,
        ],
        metrics: &[
            M::KlingShare2025q1,
            M::KlingShare2025q2,
            M::KlingShare2025q3,
            M::KlingShareOfOtherServices2025q3,
            M::KlingQoq2025q2,
            M::KlingQoq2025q3,
            M::KlingYtd2025q3,
            M::KlingTargetAttainmentYtd,
            M::KlingQ4Required,
            M::KlingQ4RequiredQoq,
            M::KlingFy2025,
            M::KlingFy2025Usd,
            M::KlingGuidanceRaise,
        ],
    },
    Section {
        key: "growth",
        title: Text {
            hant: "增長與利潤",
            hans: "增长与利润",
            en: "Growth and margins",
        },
        inputs: &[
            I::Revenue2025q1,
            I::RevenueYoy2025q1,
            I::Revenue2025q2,
            I::Revenue2025q3,
            I::RevenueYoy2025q3,
            I::OnlineMarketing2025q3,
            I::OnlineMarketingYoy2025q3,
            I::LiveStreaming2025q3,
            I::LiveStreamingYoy2025q3,
            I::OtherServices2025q3,
            I::OtherServicesYoy2025q3,
            I::OperatingProfit2025q3,
            I::AdjustedNetProfit2025q1,
            I::AdjustedNetProfit2025q3,
        ],
        metrics: &[
            M::Revenue2024q1,
            M::Revenue2024q3,
            M::RevenueQoq2025q3,
            M::OnlineMarketing2024q3,
            M::LiveStreaming2024q3,
            M::OtherServices2024q3,
            M::SegmentsSum2025q3,
            M::SegmentsGap2025q3,
            M::OnlineMarketingShare2025q3,
            M::LiveStreamingShare2025q3,
            M::OtherServicesShare2025q3,
            M::OperatingMargin2025q3,
            M::AdjustedNetMargin2025q1,
            M::AdjustedNetMargin2025q3,
        ],
    },
    Section {
        key: "arpu",
        title: Text {
            hant: "ARPU 與用戶",
            hans: "ARPU 与用户",
            en: "ARPU and users",
        },
        inputs: &[
            I::KlingPSideShare,
            I::KlingPayingMembers,
            I::Dau2025q3,
            I::Mau2025q3,
        ],
        metrics: &[
            M::KlingPSideRevenue2025q1,
            M::KlingBSideRevenue2025q1,
            M::ArpuPayingQuarterly,
            M::ArpuPayingMonthly,
            M::RevenuePerDau2025q3,
            M::RevenuePerMau2025q3,
            M::DauMauRatio2025q3,
        ],
    },
    Section {
        key: "valuation",
        title: Text {
            hant: "估值",
            hans: "估值",
            en: "Valuation",
        },
        inputs: &[
            I::MarketCap,
            I::PeKuaishou,
            I::PeBaidu,
            I::PeAlibaba,
            I::PeTencent,
            I::TargetPe,
        ],
        metrics: &[
            M::PePeerAverage,
            M::PeDiscountToPeers,
            M::PeDiscountToBaidu,
            M::PeDiscountToAlibaba,
            M::PeDiscountToTencent,
            M::ImpliedEarnings,
            M::ImpliedMarketCap,
            M::ImpliedUpside,
        ],
    },
];

/// Finds a section by key.
pub fn section(key: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_and_metric_appears_exactly_once() {
        for id in InputId::ALL {
            let n = SECTIONS
                .iter()
                .flat_map(|s| s.inputs)
                .filter(|&&i| i == id)
                .count();
            assert_eq!(n, 1, "input {} appears {n} times", id.key());
        }
        for id in MetricId::ALL {
            let n = SECTIONS
                .iter()
                .flat_map(|s| s.metrics)
                .filter(|&&m| m == id)
                .count();
            assert_eq!(n, 1, "metric {} appears {n} times", id.key());
        }
    }

    #[test]
    fn keys_are_unique_and_found() {
        for s in SECTIONS {
            assert_eq!(section(s.key).map(|f| f.key), Some(s.key));
        }
        assert!(section("nope").is_none());
    }
}
