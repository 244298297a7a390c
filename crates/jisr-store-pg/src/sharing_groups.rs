//! Sharing groups and their members.

use jisr_model::{SharingGroup, SharingGroupOrg, SharingGroupServer};
use jisr_store::{Result, SharingGroupTx};
use tokio_postgres::Row;

use crate::rows::PgResult;

use crate::PgTx;

const COLS: &str =
    "id, uuid, name, description, releasability, org_id, active, local, roaming, created, modified";

fn group(r: &Row) -> PgResult<SharingGroup> {
    Ok(SharingGroup {
        id: r.try_get(0)?,
        uuid: r.try_get(1)?,
        name: r.try_get(2)?,
        description: r.try_get(3)?,
        releasability: r.try_get(4)?,
        org_id: r.try_get(5)?,
        active: r.try_get(6)?,
        local: r.try_get(7)?,
        roaming: r.try_get(8)?,
        created: r.try_get(9)?,
        modified: r.try_get(10)?,
    })
}

impl SharingGroupTx for PgTx<'_> {
    fn sharing_group_insert(&mut self, g: &SharingGroup) -> Result<i64> {
        self.insert(
            "INSERT INTO sharing_groups (uuid, name, description, releasability, org_id, active, local, roaming, created, modified)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            params![g.uuid, g.name, g.description, g.releasability, g.org_id, g.active, g.local, g.roaming, g.created, g.modified],
        )
    }
    fn sharing_group_update(&mut self, g: &SharingGroup) -> Result<()> {
        self.exec_one(
            "sharing group",
            "UPDATE sharing_groups SET name = $2, description = $3, releasability = $4, active = $5, local = $6, roaming = $7,
               modified = $8 WHERE id = $1",
            params![g.id, g.name, g.description, g.releasability, g.active, g.local, g.roaming, g.modified],
        )
    }
    fn sharing_group_delete(&mut self, id: i64) -> Result<()> {
        self.exec_one(
            "sharing group",
            "DELETE FROM sharing_groups WHERE id = $1",
            params![id],
        )
    }
    fn sharing_group_get(&mut self, id: i64) -> Result<Option<SharingGroup>> {
        self.one(
            &format!("SELECT {COLS} FROM sharing_groups WHERE id = $1"),
            params![id],
            group,
        )
    }
    fn sharing_group_by_uuid(&mut self, uuid: &str) -> Result<Option<SharingGroup>> {
        self.one(
            &format!("SELECT {COLS} FROM sharing_groups WHERE uuid = $1"),
            params![uuid],
            group,
        )
    }
    fn sharing_group_list(&mut self) -> Result<Vec<SharingGroup>> {
        self.many(
            &format!("SELECT {COLS} FROM sharing_groups ORDER BY id"),
            params![],
            group,
        )
    }
    fn sharing_group_orgs(&mut self, sharing_group_id: i64) -> Result<Vec<SharingGroupOrg>> {
        self.many(
            "SELECT id, sharing_group_id, org_id, extend FROM sharing_group_orgs WHERE sharing_group_id = $1 ORDER BY id",
            params![sharing_group_id],
            |r| Ok(SharingGroupOrg { id: r.try_get(0)?, sharing_group_id: r.try_get(1)?, org_id: r.try_get(2)?, extend: r.try_get(3)? }),
        )
    }
    fn sharing_group_org_set(
        &mut self,
        sharing_group_id: i64,
        org_id: i64,
        extend: bool,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO sharing_group_orgs (sharing_group_id, org_id, extend) VALUES ($1, $2, $3)
             ON CONFLICT(sharing_group_id, org_id) DO UPDATE SET extend = excluded.extend",
            params![sharing_group_id, org_id, extend],
        )?;
        Ok(())
    }
    fn sharing_group_org_remove(&mut self, sharing_group_id: i64, org_id: i64) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM sharing_group_orgs WHERE sharing_group_id = $1 AND org_id = $2",
            params![sharing_group_id, org_id],
        )? > 0)
    }
    fn sharing_group_servers(&mut self, sharing_group_id: i64) -> Result<Vec<SharingGroupServer>> {
        self.many(
            "SELECT id, sharing_group_id, server_id, all_orgs FROM sharing_group_servers WHERE sharing_group_id = $1 ORDER BY id",
            params![sharing_group_id],
            |r| Ok(SharingGroupServer { id: r.try_get(0)?, sharing_group_id: r.try_get(1)?, server_id: r.try_get(2)?, all_orgs: r.try_get(3)? }),
        )
    }
    fn sharing_group_server_set(
        &mut self,
        sharing_group_id: i64,
        server_id: i64,
        all_orgs: bool,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO sharing_group_servers (sharing_group_id, server_id, all_orgs) VALUES ($1, $2, $3)
             ON CONFLICT(sharing_group_id, server_id) DO UPDATE SET all_orgs = excluded.all_orgs",
            params![sharing_group_id, server_id, all_orgs],
        )?;
        Ok(())
    }
    fn sharing_group_server_remove(
        &mut self,
        sharing_group_id: i64,
        server_id: i64,
    ) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM sharing_group_servers WHERE sharing_group_id = $1 AND server_id = $2",
            params![sharing_group_id, server_id],
        )? > 0)
    }
    fn sharing_groups_of_org(&mut self, org_id: i64) -> Result<Vec<i64>> {
        self.many(
            "SELECT g.id FROM sharing_groups g WHERE g.active = TRUE AND (
               g.org_id = $1
               OR EXISTS (SELECT 1 FROM sharing_group_orgs o WHERE o.sharing_group_id = g.id AND o.org_id = $1)
               OR EXISTS (SELECT 1 FROM sharing_group_servers s WHERE s.sharing_group_id = g.id AND s.server_id = 0 AND s.all_orgs = TRUE))
             ORDER BY g.id",
            params![org_id],
            |r| r.try_get(0),
        )
    }
}
