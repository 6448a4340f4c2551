using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TaskChat.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSignInFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sign_in_failures",
                columns: table => new
                {
                    pair_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    failures = table.Column<int>(type: "integer", nullable: false),
                    last_failure_at = table.Column<long>(type: "bigint", nullable: false),
                    locked_until = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_failures", x => x.pair_hash);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_failures_last_failure_at",
                table: "sign_in_failures",
                column: "last_failure_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_failures");
        }
    }
}
