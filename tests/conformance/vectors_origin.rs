//! The extended run over `cors-vectors.json` (in `../shared/conformance`, not committed): the
//! origin groups `host_parse_spec_examples`, `psl_spec_examples`,
//! `same_origin_domain_spec_examples` and `same_site_spec_examples`, read from the file
//! itself. Prints one `N passed, M failed` line per group. The committed tests carry the
//! same facts as tables in `spec/origin_tables.rs`.
//!
//! Usage: `CORS_VECTORS=path/to/cors-vectors.json vectors_origin`; without the variable the
//! run reports that there is nothing to check and succeeds.

use std::process::ExitCode;

use cors_core::{
    Host, Origin, TupleOrigin, parse_host, public_suffix, registrable_domain, same_site,
    schemelessly_same_site,
};
use cors_std::{PublicSuffixes, Uts46};
use cors_tests::{ListedSuffixes, describe_host as describe};
use serde_json::Value;

type Check = fn(&Value) -> Result<(), String>;

fn main() -> ExitCode {
    let groups = match cors_tests::cors_vector_groups() {
        None => {
            println!("vectors_origin: CORS_VECTORS not set, nothing to check");
            return ExitCode::SUCCESS;
        }
        Some(Ok(groups)) => groups,
        Some(Err(error)) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let checks: [(&str, Check); 4] = [
        ("host_parse_spec_examples", check_host),
        ("psl_spec_examples", check_psl),
        ("same_origin_domain_spec_examples", check_same_origin_domain),
        ("same_site_spec_examples", check_same_site),
    ];
    let mut all_ok = true;
    for (group, check) in checks {
        let cases = groups[group].as_array().cloned().unwrap_or_default();
        let (mut passed, mut failed) = (0, 0);
        for case in &cases {
            match check(case) {
                Ok(()) => passed += 1,
                Err(message) => {
                    failed += 1;
                    println!("FAIL {group}: {case}: {message}");
                }
            }
        }
        all_ok &= failed == 0 && !cases.is_empty();
        println!("cors-vectors {group}: {passed} passed, {failed} failed");
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn check_host(case: &Value) -> Result<(), String> {
    let input = case["input"].as_str().ok_or("no input")?;
    for (field, opaque) in [("not_opaque", false), ("opaque", true)] {
        let got = describe(parse_host(input, opaque, &Uts46));
        if case[field].as_str() != Some(got.as_str()) {
            return Err(format!("{field}: got {got:?}"));
        }
    }
    Ok(())
}

fn check_psl(case: &Value) -> Result<(), String> {
    let input = case["host"].as_str().ok_or("no host")?;
    let host = parse_host(input, false, &Uts46).map_err(|e| e.to_string())?;
    let host = host.as_host();
    let suffix = public_suffix(&host, &PublicSuffixes);
    let registrable = registrable_domain(&host, &PublicSuffixes);
    if case["public_suffix"].as_str() != suffix
        || case["registrable_domain"].as_str() != registrable
    {
        return Err(format!("got {suffix:?}, {registrable:?}"));
    }
    Ok(())
}

fn tuple(value: &Value) -> Option<Origin<'_>> {
    let port = match &value[2] {
        Value::Null => None,
        port => Some(u16::try_from(port.as_u64()?).ok()?),
    };
    Some(Origin::Tuple(TupleOrigin {
        scheme: value[0].as_str()?,
        host: Host::Domain(value[1].as_str()?),
        port,
        domain: value[3].as_str(),
    }))
}

fn check_same_origin_domain(case: &Value) -> Result<(), String> {
    let (a, b) = (
        tuple(&case["A"]).ok_or("bad A")?,
        tuple(&case["B"]).ok_or("bad B")?,
    );
    let got = (a.is_same_origin(&b), a.is_same_origin_domain(&b));
    let want = (
        case["same_origin"].as_bool(),
        case["same_origin_domain"].as_bool(),
    );
    if (Some(got.0), Some(got.1)) != want {
        return Err(format!("got {got:?}"));
    }
    Ok(())
}

fn check_same_site(case: &Value) -> Result<(), String> {
    let suffixes: Vec<&str> = case["assumed_public_suffixes"]
        .as_array()
        .ok_or("no suffixes")?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let list = ListedSuffixes(&suffixes);
    let (a, b) = (
        site(&case["A"]).ok_or("bad A")?,
        site(&case["B"]).ok_or("bad B")?,
    );
    let got = (
        schemelessly_same_site(&a, &b, &list),
        same_site(&a, &b, &list),
    );
    let want = (
        case["schemelessly_same_site"].as_bool(),
        case["same_site"].as_bool(),
    );
    if (Some(got.0), Some(got.1)) != want {
        return Err(format!("got {got:?}"));
    }
    Ok(())
}

fn site(value: &Value) -> Option<Origin<'_>> {
    Some(Origin::tuple(
        value[0].as_str()?,
        Host::Domain(value[1].as_str()?),
        None,
    ))
}
