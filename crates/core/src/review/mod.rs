//! The reviewer (审核): rules with stable ids producing cell-precise findings.
