//! `jisr user passwd EMAIL`: sets a user's console password (read from a
//! prompt without echo, or from standard input when it is not a terminal),
//! or with `--link` prints a one-time set-password link instead. Acts as the
//! instance's operator, as the other `jisr user` commands do.

use std::io::{BufRead, IsTerminal};

use anyhow::{Context, Result, bail};
use clap::Args;

use crate::DataArgs;
use crate::instance::admin_actor;

#[derive(Args)]
pub struct PasswdArgs {
    #[command(flatten)]
    data: DataArgs,
    /// The user's email address.
    email: String,
    /// Print a one-time link (valid three days) for the user to choose the
    /// password themselves, instead of setting it here.
    #[arg(long)]
    link: bool,
}

fn read_password() -> Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("New password: ")?;
        let again = rpassword::prompt_password("Again: ")?;
        if first != again {
            bail!("the two passwords differ; nothing was changed");
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("cannot read the password from standard input")?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}

pub fn run(args: PasswdArgs) -> Result<()> {
    let (inst, _, key) = crate::open(&args.data)?;
    crate::announce_admin_key(key);
    let operator = admin_actor(&inst)?;
    let mut tx = inst.store.write()?;
    let user = tx
        .user_by_email(args.email.trim())?
        .with_context(|| format!("no user '{}'; list them with `jisr user list`", args.email))?;
    let (action, shown) = if args.link {
        let token = jisr_core::accounts::issue_link_unchecked(
            tx.as_mut(),
            &inst.secret,
            operator.user_id,
            user.id,
        )?;
        ("password_link", Some(format!("/ui/password/{token}")))
    } else {
        let password = read_password()?;
        jisr_core::accounts::set_password(tx.as_mut(), user.id, &password).map_err(|e| {
            anyhow::anyhow!(
                "{e}: a console password needs at least {} characters",
                jisr_core::accounts::MIN_PASSWORD_CHARS
            )
        })?;
        ("password_set", None)
    };
    let who = jisr_core::audit::Who {
        user_id: operator.user_id,
        org_id: operator.org_id,
        email: operator.email.clone(),
        authkey_id: 0,
        ip: "cli".into(),
    };
    let what = jisr_core::audit::What {
        model: "User".into(),
        model_id: user.id,
        action: action.into(),
        change: "command line".into(),
        ..Default::default()
    };
    jisr_core::audit::record(tx.as_mut(), &inst.secret, &who, what)?;
    tx.commit()?;
    match shown {
        Some(path) => println!(
            "one-time link for {} (valid three days; prefix it with this server's address):\n{path}",
            user.email
        ),
        None => println!(
            "password set for {}; their other console sessions are ended",
            user.email
        ),
    }
    Ok(())
}
