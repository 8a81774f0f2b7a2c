//! Writers: [`Table`](jixiao_core::Table) → JSON, long CSV, XLSX, HTML, TSV.
