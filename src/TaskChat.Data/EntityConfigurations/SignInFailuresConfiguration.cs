using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TaskChat.Data.Model;

namespace TaskChat.Data.EntityConfigurations;

internal sealed class SignInFailuresConfiguration : IEntityTypeConfiguration<SignInFailures>
{
    public void Configure(EntityTypeBuilder<SignInFailures> failures)
    {
        // SignInLockout writes this table with raw SQL: renaming a column means changing it there too.
        failures.HasKey(f => f.PairHash);
        failures.Property(f => f.PairHash).HasMaxLength(FieldLimits.SignInFailureKey);
        // The clean-up deletes by age.
        failures.HasIndex(f => f.LastFailureAt);
    }
}
