package edu.sevenp.server.http;

import edu.sevenp.model.protocol.LoginRequest;
import edu.sevenp.model.protocol.RefreshRequest;
import edu.sevenp.model.protocol.RegisterRequest;
import edu.sevenp.server.auth.AccountService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/** Accounts, tokens and devices (docs/sync-protocol.md, section 4). */
final class AuthRoutes {

    private final AccountService accounts;
    private final JsonBodies bodies;
    private final ClientAddresses addresses;

    AuthRoutes(AccountService accounts, JsonBodies bodies, ClientAddresses addresses) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    void register(RoutesConfig routes) {
        routes.post(ProtocolGate.PREFIX + "/auth/register", this::registerAccount);
        routes.post(ProtocolGate.PREFIX + "/auth/login", this::login);
        routes.post(ProtocolGate.PREFIX + "/auth/refresh", this::refresh);
        routes.post(ProtocolGate.PREFIX + "/auth/logout", this::logout);
        routes.get(ProtocolGate.PREFIX + "/me", context -> context.json(accounts.me(Callers.required(context))));
        routes.get(ProtocolGate.PREFIX + "/devices", context -> context.json(accounts.devices(Callers.required(context))));
        routes.delete(ProtocolGate.PREFIX + "/devices/{id}", this::revokeDevice);
    }

    private void registerAccount(Context context) {
        context.status(HttpStatus.CREATED).json(accounts.register(bodies.read(context, RegisterRequest.class)));
    }

    private void login(Context context) {
        context.json(accounts.login(bodies.read(context, LoginRequest.class), addresses.of(context)));
    }

    private void refresh(Context context) {
        context.json(accounts.refresh(bodies.read(context, RefreshRequest.class)));
    }

    private void logout(Context context) {
        accounts.logout(Callers.required(context));
        context.status(HttpStatus.NO_CONTENT);
    }

    private void revokeDevice(Context context) {
        accounts.revokeDevice(Callers.required(context), Params.uuid(context, "id"));
        context.status(HttpStatus.NO_CONTENT);
    }
}
