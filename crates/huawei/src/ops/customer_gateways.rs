//! Customer gateway operations (spec §3.6).

use super::seg;
use crate::client::{decode_body, Client};
use crate::error::Error;
use crate::pagination::{collect_all, Page, PageRequest};
use crate::types::*;
use reqwest::Method;

impl Client {
    /// One page of `GET /v5/{p}/customer-gateways?limit&marker`.
    pub async fn list_customer_gateways(
        &self,
        page: &PageRequest,
    ) -> Result<Page<CustomerGateway>, Error> {
        self.list_page::<ListCustomerGatewaysResponse>("/customer-gateways", vec![], page)
            .await
    }

    /// Every customer gateway.
    pub async fn list_all_customer_gateways(&self) -> Result<Vec<CustomerGateway>, Error> {
        collect_all(
            |marker| async move { self.list_customer_gateways(&self.page_at(marker)).await },
        )
        .await
    }

    /// `GET /v5/{p}/customer-gateways/{id}`.
    pub async fn show_customer_gateway(&self, id: &str) -> Result<CustomerGateway, Error> {
        let r: ShowCustomerGatewayResponse = self
            .vpn_get(&format!("/customer-gateways/{}", seg(id)), &[])
            .await?;
        Ok(r.customer_gateway)
    }

    /// `POST /v5/{p}/customer-gateways` (note: the seed's example URL has a stray `/vpn`,
    /// spec §6). A write: never retried except when the request provably was not processed.
    pub async fn create_customer_gateway(
        &self,
        req: &CreateCustomerGateway,
    ) -> Result<CustomerGateway, Error> {
        let body = serde_json::to_vec(&serde_json::json!({ "customer_gateway": req }))
            .expect("request serializes");
        let raw = self
            .vpn_write(Method::POST, "/customer-gateways", Some(body))
            .await?;
        let r: ShowCustomerGatewayResponse = decode_body(&raw)?;
        Ok(r.customer_gateway)
    }
}
