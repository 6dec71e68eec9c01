package dev.ferry.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Accounts by id, by email and by organization. */
interface AccountRepository extends Repository<Account, String> {

    Account save(Account account);

    Optional<Account> findById(String id);

    Optional<Account> findByEmail(String email);

    List<Account> findByOrganizationIdOrderByEmail(String organizationId);

    @Query("select count(*) from app_user")
    long countAll();

    @Query("select count(*) from app_user where must_change_password = false")
    long countWithOwnPassword();

    @Query("select id from app_user where organization_id = :organizationId and role = 'ADMIN' for update")
    List<String> lockAdmins(String organizationId);

    void deleteById(String id);
}
