//! Every file under data/ loads; every invalid fixture gives its expected message.
